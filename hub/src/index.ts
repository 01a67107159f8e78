export { loadConfig, ConfigError, ConfigSchema, hasRole, type Config } from './config/config.js';
export { createLogger } from './infra/logger.js';
export { startHub, type HubOverrides, type RunningHub } from './hub.js';
export { startApplication } from './application.js';
export { DEMO_API_KEY, DEMO_CLIENT_ID, ApiKeyStore } from './auth/api-key.store.js';
export { ORCHESTRATOR_DURABLE } from './pipeline/orchestrator.js';
export { renderEnvExample } from './config/env-example.js';
export { apiKeyAuthenticator, firstOf, requireRole, ROLES, type Authenticator, type Principal, type Role } from './auth/principal.js';
