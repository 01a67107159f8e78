export { authorizeRequest, holdsAuthorization, type AuthorizeDeps } from './authorization.service.js';
export { decideAuthorization, type DecisionOptions } from './authorization.decision.js';
export { gatherAuthorizationFacts, type AuthorizationFacts, type FactsDeps, type Lookup } from './authorization.facts.js';
export { verifyEnvelopedXml, type XmlSignatureOptions } from './signature/xmldsig.verify.js';
export { verifyDetachedJws } from './signature/jws.verify.js';
export { canonicalJson } from './signature/canonical-json.js';
export { loadTrustStore, TrustStoreError, type TrustStore } from './signature/trust-store.js';
export { tcknOfCertificate } from './signature/certificate.check.js';
export type { SignatureVerdict, SignatureFailureCode } from './signature/signature-verdict.js';
