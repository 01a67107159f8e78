/**
 * Every NATS subject, stream, KV bucket and BullMQ queue name is derived from one namespace, so test runs
 * (each with its own namespace) never collide with each other or with the running hub.
 */
export const DEFAULT_NAMESPACE = 'tareks';

export interface Names {
  readonly ns: string;
  readonly streams: {
    readonly declarations: string;
    readonly decisions: string;
    readonly deadLetters: string;
    readonly audit: string;
    readonly outcomes: string;
    readonly authorizations: string;
    /** Scored items (feature vectors, champion and shadow scores) for training and shadow evaluation. */
    readonly scores: string;
    /** Per-declaration stage events (received, enriched, OCR, scored, decided, callbacks…), best-effort, age-limited. */
    readonly timeline: string;
  };
  readonly subjects: {
    readonly declReceived: string;
    readonly declAll: string;
    decision(office: string, lane: string): string;
    readonly decisionAll: string;
    dlq(stage: string): string;
    readonly dlqAll: string;
    audit(action: string): string;
    readonly auditAll: string;
    outcome(office: string): string;
    readonly outcomeAll: string;
    authorization(status: string): string;
    readonly authorizationAll: string;
    service(registry: string, operation: string): string;
    readonly circuitAll: string;
    circuit(upstream: string): string;
    scored(declarationId: string, version: number): string;
    readonly scoredAll: string;
    timeline(declarationId: string): string;
    readonly timelineAll: string;
  };
  readonly kv: {
    readonly declarations: string;
    readonly clients: string;
    readonly traders: string;
    /** Where the reconciliation pass resumes in the declarations stream (its checkpoint). */
    readonly reconciler: string;
    readonly authorizations: string;
    readonly settings: string;
    /** Replay history of dead letters, keyed by dead-letter id. */
    readonly replays: string;
    /** Dashboard users by username (argon2id password hashes, roles). */
    readonly users: string;
    /** Dashboard sessions by the SHA-256 of their id; entries expire with the bucket's max age. */
    readonly sessions: string;
    /** Failed sign-ins per username within the throttling window. */
    readonly loginFailures: string;
    /** Recorded inspection results by `<id>.<version>.<itemNo>` (idempotency of outcome intake and its projection). */
    readonly outcomes: string;
    /** Watch-list entries (traders, GTİP prefixes, brands, origins) by `<kind>.<value>`; score workers follow it live. */
    readonly watchList: string;
    /** Outcome tallies per label-history key (trader, declarant, GTİP prefixes, origin, office, brand, origin×GTİP4). */
    readonly labelHistory: string;
  };
  /** `extractions`: what OCR read from each document (pages, words with boxes, fields), by sha256. */
  readonly objectStore: { readonly documents: string; readonly models: string; readonly extractions: string };
  readonly queues: { readonly score: string; readonly ocr: string; readonly notify: string; readonly replay: string };
  /** BullMQ key prefix in Redis. */
  readonly bullPrefix: string;
}

export function names(ns: string = DEFAULT_NAMESPACE): Names {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(ns)) throw new RangeError(`namespace must match ^[a-z][a-z0-9_]{0,30}$: ${ns}`);
  const up = ns.toUpperCase();
  return {
    ns,
    streams: {
      declarations: `${up}_DECLARATIONS`,
      decisions: `${up}_DECISIONS`,
      deadLetters: `${up}_DEADLETTERS`,
      audit: `${up}_AUDIT`,
      outcomes: `${up}_OUTCOMES`,
      authorizations: `${up}_AUTHORIZATIONS`,
      scores: `${up}_SCORES`,
      timeline: `${up}_TIMELINE`,
    },
    subjects: {
      declReceived: `${ns}.decl.received`,
      declAll: `${ns}.decl.>`,
      decision: (office, lane) => `${ns}.decision.${office}.${lane}`,
      decisionAll: `${ns}.decision.>`,
      dlq: (stage) => `${ns}.dlq.${stage}`,
      dlqAll: `${ns}.dlq.>`,
      audit: (action) => `${ns}.audit.${action}`,
      auditAll: `${ns}.audit.>`,
      outcome: (office) => `${ns}.outcome.${office}`,
      outcomeAll: `${ns}.outcome.>`,
      authorization: (status) => `${ns}.auth.${status}`,
      authorizationAll: `${ns}.auth.>`,
      service: (registry, operation) => `${ns}.svc.${registry}.${operation}`,
      circuit: (upstream) => `${ns}.circuit.${upstream}`,
      circuitAll: `${ns}.circuit.>`,
      scored: (id, version) => `${ns}.scored.${id}.${version}`,
      scoredAll: `${ns}.scored.>`,
      timeline: (id) => `${ns}.timeline.${id}`,
      timelineAll: `${ns}.timeline.>`,
    },
    kv: {
      declarations: `${ns}_declarations`,
      clients: `${ns}_clients`,
      traders: `${ns}_traders`,
      reconciler: `${ns}_reconciler`,
      authorizations: `${ns}_authorizations`,
      settings: `${ns}_settings`,
      replays: `${ns}_replays`,
      users: `${ns}_users`,
      sessions: `${ns}_sessions`,
      loginFailures: `${ns}_login_failures`,
      outcomes: `${ns}_outcomes`,
      watchList: `${ns}_watch_list`,
      labelHistory: `${ns}_label_history`,
    },
    objectStore: { documents: `${ns}_documents`, models: `${ns}_models`, extractions: `${ns}_extractions` },
    queues: { score: 'score', ocr: 'ocr', notify: 'notify', replay: 'replay' },
    bullPrefix: ns,
  };
}

/** The idempotency key of a declaration version: `Nats-Msg-Id`, BullMQ jobId, KV key suffix. */
export const versionKey = (id: string, version: number): string => `${id}:${version}`;

/** The same key for BullMQ, which refuses `:` in job ids. */
export const versionJobId = (id: string, version: number): string => `${id}_v${version}`;

/** Header on decision messages naming the API client that lodged the declaration (its callback target). */
export const CLIENT_ID_HEADER = 'Tareks-Client-Id';

/** Headers on decision messages with the lane and the edge-to-decision latency (ms), readable without the body. */
export const DECISION_LANE_HEADER = 'Tareks-Lane';
export const DECISION_TOTAL_MS_HEADER = 'Tareks-Total-Ms';
