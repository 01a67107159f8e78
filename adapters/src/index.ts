export type { ApiClient, ApiKeyVerifier, Scope } from './auth/api-client.js';
export { SCOPES } from './auth/api-client.js';
export { authorize, API_KEY_HEADER } from './auth/api-key.js';
export { IngestError } from './ingest/ingest-error.js';
export type { IngestContext, IngestMetrics, IngestService, SubmitResult } from './ingest/ingest-service.js';
export { declarationRoutes, type DeclarationRoutesOptions } from './rest/declarations.routes.js';
export { startDemoCustoms, type DemoCustoms, type DemoCustomsOptions } from './demo/demo-customs.js';
export { RegistrationNumbers } from './demo/registration-numbers.js';
export { soapRoutes, type SoapRoutesOptions } from './soap/soap.routes.js';
export type { SoapDocumentOptions } from './soap/soap-documents.js';
export { createDeclarationsSoapClient, DeclarationsSoapError, type DeclarationsSoapClient, type DeclarationsSoapClientOptions, type SoapDocument } from './soap/declarations.soap-client.js';
export { CallbackError, CALLBACK_ERROR_CODES } from './callbacks/callback-error.js';
export { signWebhook, verifyWebhookSignature, type SignatureVerdict, type VerifyOptions } from './callbacks/webhook-signature.js';
export { sendWebhook, type WebhookTarget } from './callbacks/webhook.sender.js';
export {
  sendSoapNotification, readDecisionNotification, writeDecisionNotificationResponse,
  DECISION_NOTIFICATION_ACTION, type SoapNotificationTarget,
} from './callbacks/decision-notification.soap.js';
export { deliverDecision } from './callbacks/callback.sender.js';
export { submitDeclarationEnvelope, SUBMIT_DECLARATION_ACTION } from './soap/submit-declaration.envelope.js';
export type { AuthorizationContext, AuthorizationOutcome, AuthorizationService, SignedAuthorization } from './authorization/authorization-service.js';
export { AUTHORIZATION_ERROR_CODES, requestConflict, authorizationNotFound, notInReview } from './authorization/authorization-errors.js';
export { authorizationRoutes, JWS_SIGNATURE_HEADER, type AuthorizationRoutesOptions } from './authorization/authorization.routes.js';
export { authorizationSoapRoutes, type AuthorizationSoapRoutesOptions } from './authorization/authorization-soap.routes.js';
export { AUTHZ_TNS } from './authorization/authorization-soap.constants.js';
export { outcomeRoutes, type OutcomeRoutesOptions } from './outcomes/outcomes.routes.js';
export { OUTCOME_ERROR_CODES, type OutcomeCaller, type OutcomeService } from './outcomes/outcome-service.js';
export { outcomesSoapRoutes, type OutcomesSoapRoutesOptions } from './outcomes-soap/outcomes-soap.routes.js';
export { createOutcomesSoapClient, OutcomesSoapError, type OutcomesSoapClient, type OutcomesSoapClientOptions } from './outcomes-soap/outcomes.soap-client.js';
export { OUTCOMES_TNS } from './outcomes-soap/outcomes-soap.contract.js';
export { documentRoutes, DOCUMENT_CONTENT_TYPES, type DocumentRoutesOptions } from './documents/documents.routes.js';
export type { DocumentContext, DocumentService, DocumentUpload, StoredDocument } from './documents/document-service.js';
