export type { ApiClient, ApiKeyVerifier, Scope } from './auth/api-client.js';
export { SCOPES } from './auth/api-client.js';
export { authorize, API_KEY_HEADER } from './auth/api-key.js';
export { IngestError } from './ingest/ingest-error.js';
export type { IngestContext, IngestMetrics, IngestService, SubmitResult } from './ingest/ingest-service.js';
export { declarationRoutes, type DeclarationRoutesOptions } from './rest/declarations.routes.js';
