import { Ajv } from 'ajv';
import { Type, type Static } from 'typebox';

const ROLE = '(api|orchestrator|score-worker|ocr-worker|projector|learning|connectors|warehouse|simulators|demo)';
const Bool = (description: string, def: boolean) => Type.Boolean({ description, default: def });
const Int = (description: string, def: number, minimum = 0, maximum = 1_000_000_000) => Type.Integer({ description, default: def, minimum, maximum });

/** Every environment variable the hub reads, with its description and default (`.env.example` mirrors this). */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test'], { description: 'production refuses the demo API key', default: 'development' }),
  HOST: Type.String({ description: 'Interface the HTTP server binds to', default: '127.0.0.1' }),
  PORT: Int('HTTP port of the API, SOAP endpoint and dashboard', 8080, 0, 65535),
  NATS_URL: Type.String({ description: 'NATS server(s) with JetStream, comma-separated', default: 'nats://127.0.0.1:4222', pattern: '^(nats|tls)://' }),
  REDIS_URL: Type.String({ description: 'Redis for BullMQ queues and the connector cache', default: 'redis://127.0.0.1:6379', pattern: '^rediss?://' }),
  TAREKS_NAMESPACE: Type.String({ description: 'Prefix of every stream, subject, bucket and queue', default: 'tareks', pattern: '^[a-z][a-z0-9_]{0,30}$' }),
  TAREKS_ROLES: Type.String({
    description: 'Roles this process runs: all, or a comma list of api, orchestrator, score-worker, ocr-worker, projector, learning (one process), connectors, warehouse, simulators, demo (simulators and demo only in demo mode; reports are served where the warehouse runs)',
    default: 'all',
    pattern: `^(all|${ROLE}(,${ROLE})*)$`,
  }),
  TAREKS_DEMO: Bool('Demo mode: demo API key, registry simulators and demo customs traffic', false),
  DEMO_RATE: Type.Number({ description: 'Demo declarations per second (0 = off)', default: 5, minimum: 0, maximum: 10_000 }),
  DEMO_SEED: Int('Seed of the synthetic trade world', 42),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { description: 'pino log level', default: 'info' }),
  BODY_LIMIT_BYTES: Int('Largest REST request body accepted', 1_048_576, 1024),
  SOAP_BODY_LIMIT_BYTES: Int('Largest SOAP request body accepted (XML is about twice the JSON); documents in it (base64) may add DOCUMENT_MAX_BYTES × 4/3', 2_097_152, 1024),
  MAX_WAIT_MS: Int('Longest synchronous wait for a decision (REST ?wait=, SOAP waitMs)', 10_000, 0, 60_000),
  RATE_LIMIT_PER_MINUTE: Int('Requests per minute per API client', 200_000, 1),
  SCORE_CONCURRENCY: Int('Score jobs processed at once per worker process', 50, 1, 10_000),
  ORCHESTRATOR_BATCH: Int('Most score jobs the orchestrator hands to BullMQ in one addBulk', 200, 1, 10_000),
  MAX_ACK_PENDING: Int('Unacknowledged messages allowed per durable consumer', 2_000, 1, 1_000_000),
  BACKLOG_LIMIT: Int('Declarations waiting in the pipeline above which ingest answers 503 / Server.Busy', 50_000, 1),
  REGISTRY_MAX_WAIT_MS: Int('How long a declaration waits for unavailable registries before it is decided without them', 60_000, 0),
  RECONCILE_MIN_AGE_MS: Int('Age after which an undecided accepted declaration counts as lost and is handed off again', 60_000, 0),
  RECONCILE_EVERY_MS: Int('Time between reconciliation passes', 60_000, 100),
  ENRICH_TIMEOUT_MS: Int('Time limit of one enrichment round (all registries in parallel); above the connectors\' own budget', 12_000, 100),
  REGISTRY_REQUEST_TIMEOUT_MS: Int('Time limit of one request to a registry service over NATS', 10_000, 100),
  REGISTRY_LOCAL_CACHE_TTL_MS: Int('How long the orchestrator reuses a registry answer without asking the service again (the services cache in Redis for longer); 0 = always ask', 30_000, 0, 3_600_000),
  NOTIFY_ATTEMPTS: Int('Delivery attempts of a decision callback before it is dead-lettered', 10, 1, 100),
  NOTIFY_BACKOFF_MS: Int('First retry delay of a decision callback (exponential, with jitter)', 2_000, 10),
  REPLAY_RATE_PER_SECOND: Int('Replay velocity: dead letters replayed per second across all processes', 50, 1),
  TAREKS_ADMIN_USER: Type.String({ description: 'First dashboard admin, created at start when no admin exists', default: '' }),
  TAREKS_ADMIN_PASSWORD: Type.String({ description: 'Password of that admin (at least 12 characters)', default: '' }),
  SESSION_SECRET: Type.String({ description: 'Session cookie signing secrets, comma-separated newest first, each at least 32 characters; empty: random per process (refused in production)', default: '' }),
  SESSION_TTL_MS: Int('Dashboard session lifetime from sign-in', 28_800_000, 60_000),
  COOKIE_SECURE: Bool('Mark the session cookie Secure (behind HTTPS)', false),
  WAREHOUSE_PATH: Type.String({ description: 'DuckDB file of the reports warehouse (one process opens it)', default: '.data/warehouse.duckdb' }),
  RETRAIN_EVERY_MS: Int('Time between scheduled retraining runs (challenger into shadow, or promotion of a winning shadow)', 21_600_000, 60_000),
  RETRAIN_AFTER_OUTCOMES: Int('Also retrain after this many new inspection outcomes', 500, 1),
  RETRAIN_LEASE_TTL_MS: Int('Retraining lease among learning processes: a leader that stops renewing is replaced after this many ms', 120_000, 5_000),
  AUTO_PROMOTE: Bool('Promote a shadow model automatically when it beats the champion at the current capacity', true),
  DEMO_MODEL_BOOTSTRAP: Bool('Demo mode: train a first model from the synthetic world when none exists (in the background)', true),
  DOCUMENT_MAX_BYTES: Int('Largest document upload (REST body), bytes', 20_971_520, 1024, 52_428_800),
  DOCUMENT_MAX_PAGES: Int('Most pages of one document (PDF or multi-page TIFF)', 20, 1, 500),
  DOCUMENT_DEADLINE_MS: Int('Time from hand-off after which a document not yet read is given up and the declaration decided without it', 180_000, 1_000),
  OCR_POOL_SIZE: Int('tesseract.js workers per ocr-worker process (one core and about 200 MB each); 0 = one per core', 0, 0, 64),
  OCR_MODEL: Type.Enum(['best', 'fast'], { description: 'OCR language data: best (4.0.0_best_int) or fast (4.0.0); measured here both hold the same integer model and read alike', default: 'best' }),
  RULES_PATH: Type.String({ description: 'Weights of the rule baseline (JSON); empty = scoring/config/rules.json', default: '' }),
  TIMELINE_MAX_AGE_DAYS: Int('Days the declaration timeline (stage events shown on the Declaration page) keeps an event', 14, 1, 3650),
  TIMELINE_MAX_MB: Int('Size limit of the declaration timeline stream, MiB; the oldest events go first', 2048, 1, 1_048_576),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'HUB_ERR_CONFIG';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

const validator = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true, strict: false }).compile(ConfigSchema);

/** Reads the configuration from the environment; throws one ConfigError naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  if (validator(raw)) {
    const config = raw as Config;
    if (config.NODE_ENV === 'production' && !config.SESSION_SECRET) {
      throw new ConfigError(['SESSION_SECRET="": required in production, or sessions would not survive a restart nor work across processes']);
    }
    return config;
  }
  const problems = (validator.errors ?? []).map((e) => {
    const key = e.instancePath.slice(1);
    const prop = ConfigSchema.properties[key as keyof Config] as { description?: string } | undefined;
    return `${key}=${JSON.stringify(env[key])}: ${e.message ?? 'invalid'}${prop?.description ? ` (${prop.description})` : ''}`;
  });
  throw new ConfigError(problems);
}

export const hasRole = (config: Config, role: string): boolean => config.TAREKS_ROLES === 'all' || config.TAREKS_ROLES.split(',').includes(role);
