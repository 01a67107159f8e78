import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { FlowProducer, type Queue, type Worker } from 'bullmq';
import type { Logger } from 'pino';
import { headers } from '@nats-io/nats-core';
import { readConfig as readConnectorConfig, registryEnrichmentSteps, startConnectorServices, startRegistrySimulators } from '@tareks/connectors';
import { authorizationRoutes, authorizationSoapRoutes, documentRoutes, outcomeRoutes, outcomesSoapRoutes } from '@tareks/adapters';
import { createScoreWorker, createWorld, loadRuleConfig, type TraderHistory, type World } from '@tareks/scoring';
import { Redis } from 'ioredis';
import { CLIENT_ID_HEADER, DECISION_LANE_HEADER, DECISION_TOTAL_MS_HEADER, names as namesFor, versionKey, type Decision, type EnrichmentStep, type Names, type ScoreJob } from '@tareks/schemas';
import { adminRoutes } from './admin/admin.routes.js';
import { AuthorizationStore, authorizationConfigSpec, authorizationReviewRoutes, jetStreamAuditSink, loadAuthorizationTrustStore, NatsAuthorizationService, seedDemoAuthorizations } from './authorization/index.js';
import { startReliability, type Reliability } from './admin/reliability.js';
import { ApiKeyStore, DEMO_API_KEY, DEMO_CLIENT_ID } from './auth/api-key.store.js';
import { apiKeyAuthenticator, firstOf } from './auth/principal.js';
import { AuditLog } from './audit/audit.log.js';
import { withDocumentCheck } from './documents/document-check.js';
import { DocumentIntake } from './documents/document-intake.service.js';
import { DocumentStore } from './documents/document.store.js';
import { startOcrRole } from './documents/ocr-role.js';
import { DocumentDeadlineSweeper } from './documents/document-deadline.js';
import { ExtractionStore } from './documents/extraction.store.js';
import { PageRenderer } from './documents/page-renderer.js';
import { DeclarationArchive } from './inspection/declaration-archive.js';
import { inspectionRoutes } from './inspection/inspection.routes.js';
import { InspectionService } from './inspection/inspection.service.js';
import { WarehouseWorkList } from './inspection/inspection.worklist.js';
import { auditSink } from './audit/audit.sink.js';
import { capacityRoutes } from './models/capacity.routes.js';
import { CapacitySettingsStore } from './models/capacity.settings.js';
import { bootstrapDemoModel } from './models/demo-bootstrap.js';
import { openLearning, scoreWorkerLearning, startLearningLoop } from './models/learning.setup.js';
import { ModelAdmin } from './models/model.admin.js';
import { modelRoutes } from './models/model.routes.js';
import { OutcomeIntake } from './outcomes/outcome.intake.js';
import { watchListRoutes, WatchListStore } from './watchlist/index.js';
import { reportRoutes } from './reports/report.routes.js';
import { ReportQueries } from './reports/report.queries.js';
import { createSessionAuthenticator } from './session/session.authenticator.js';
import { ensureSessionBuckets } from './session/session.buckets.js';
import { SessionManager } from './session/session.manager.js';
import { sessionRoutes } from './session/session.routes.js';
import { authorizeSockets } from './session/socket-authorization.js';
import { ensureFirstAdmin } from './users/admin-bootstrap.js';
import { UserStore } from './users/user.store.js';
import { userRoutes } from './users/user.routes.js';
import { startWarehouse, type RunningWarehouse } from './warehouse/warehouse.js';
import { hasRole, type Config } from './config/config.js';
import { PipelineStats } from './gateway/pipeline-stats.js';
import { SocketGateway } from './gateway/socket-gateway.js';
import { TraderHistoryStore } from './history/trader-history.store.js';
import { buildHttpApp } from './http/http-app.js';
import { connectNats, ensureBuckets, ensureStreams, type HubBuckets, type NatsHandles } from './infra/nats.js';
import { createRedisProbe, redisConnection } from './infra/redis.js';
import { BacklogMonitor } from './ingest/backlog-monitor.js';
import { DecisionWaiter } from './ingest/decision-waiter.js';
import { DecisionFeed } from './gateway/decision-feed.js';
import { JetStreamIngestService } from './ingest/jetstream-ingest.service.js';
import { HubMetrics } from './metrics/hub-metrics.js';
import { DeadLetterPublisher } from './pipeline/dead-letters.js';
import { DecisionProjector } from './pipeline/decision-projector.js';
import { ensureOrchestratorConsumer, Orchestrator } from './pipeline/orchestrator.js';
import { Reconciler } from './pipeline/reconciler.js';
import { createScoreQueue } from './pipeline/score-queue.js';
import { DeclarationStateStore } from './state/declaration-state.store.js';
import { ensureTimelineStream, NatsTimelineRecorder, TimelineReader, timelineRoutes } from './timeline/index.js';

export interface HubOverrides {
  /** Enrichment steps for the orchestrator (the registry connectors plug in here). */
  readonly enrichmentSteps?: readonly EnrichmentStep[];
  readonly dashboardDir?: string;
}

export interface RunningHub {
  readonly names: Names;
  readonly nats: NatsHandles;
  readonly buckets: HubBuckets;
  readonly metrics: HubMetrics;
  readonly apiKeys: ApiKeyStore;
  /** The synthetic trade world behind the registry simulators (demo mode only). */
  readonly world: World | null;
  readonly states: DeclarationStateStore;
  readonly deadLetters: DeadLetterPublisher;
  /** The reports warehouse when this process runs the warehouse role. */
  readonly warehouse: RunningWarehouse | null;
  /** Callbacks, dead-letter index with replay, audit log (api role). */
  readonly reliability: Reliability | null;
  /** Base URL of the HTTP server when the api role runs. */
  readonly url: string | null;
  readonly app: FastifyInstance | null;
  stop(): Promise<void>;
}

/** Starts the roles this process is configured for, against NATS and Redis; `stop()` drains them in reverse order. */
export async function startHub(config: Config, logger: Logger, overrides: HubOverrides = {}): Promise<RunningHub> {
  const names = namesFor(config.TAREKS_NAMESPACE);
  const nats = await connectNats(config.NATS_URL, `tareks-hub-${process.pid}`, logger);
  await ensureStreams(nats.jsm, names);
  await ensureTimelineStream(nats.jsm, names, { maxAgeDays: config.TIMELINE_MAX_AGE_DAYS, maxBytes: config.TIMELINE_MAX_MB * 1024 * 1024 });
  await ensureOrchestratorConsumer(nats.jsm, names, config.MAX_ACK_PENDING);
  const buckets = await ensureBuckets(nats.nc, names);
  const connection = redisConnection(config.REDIS_URL);
  const metrics = new HubMetrics();
  const states = new DeclarationStateStore(buckets.declarations);
  const timeline = new NatsTimelineRecorder(nats.nc, names, logger, metrics.registry);
  const deadLetters = new DeadLetterPublisher(nats.js, names, metrics, states, timeline);
  const apiKeys = new ApiKeyStore(buckets.clients, config.NODE_ENV === 'production');
  const scoreQueue: Queue<ScoreJob> = createScoreQueue(connection, names);
  const documents = await DocumentStore.open(nats.nc, names);
  const extractions = await ExtractionStore.open(nats.nc, names);
  const archive = new DeclarationArchive(nats.jsm, names, states);
  const flows = new FlowProducer({ connection, prefix: names.bullPrefix });
  const documentLimits = { maxBytes: config.DOCUMENT_MAX_BYTES, maxPages: config.DOCUMENT_MAX_PAGES };
  const sessionBuckets = await ensureSessionBuckets(nats.nc, names, config.SESSION_TTL_MS);
  const users = new UserStore(sessionBuckets.users);
  await ensureFirstAdmin(users, { username: config.TAREKS_ADMIN_USER, password: config.TAREKS_ADMIN_PASSWORD }, logger);
  const sessions = new SessionManager(sessionBuckets, users, {
    secret: config.SESSION_SECRET ? config.SESSION_SECRET.split(',') : randomBytes(32).toString('hex'),
    ttlMs: config.SESSION_TTL_MS,
    secure: config.COOKIE_SECURE,
  });
  // Dashboard users by session cookie first, machines by API key.
  const authenticate = firstOf(createSessionAuthenticator(sessions), apiKeyAuthenticator(apiKeys));
  const learning = await openLearning(nats, names);
  const audit = new AuditLog(nats.js, names, logger);
  const authzConfig = readConnectorConfig(authorizationConfigSpec, process.env);
  const authorizationStore = await AuthorizationStore.open(nats.nc, names);
  const stops: Array<[role: string, stop: () => Promise<unknown>]> = [];

  if (config.TAREKS_DEMO && config.NODE_ENV !== 'production') {
    await apiKeys.create(DEMO_CLIENT_ID, ['declarations:write', 'declarations:read'], DEMO_API_KEY);
  }

  let world: World | null = null;
  const registryEnv: NodeJS.ProcessEnv = { ...process.env };
  if (config.TAREKS_DEMO && hasRole(config, 'simulators')) {
    world = createWorld({ seed: config.DEMO_SEED, withDocuments: false });
    const simulators = await startRegistrySimulators({ population: world.population, logger });
    Object.assign(registryEnv, { KPS_URL: simulators.urls.kps, MERSIS_URL: simulators.urls.mersis, ESBIS_URL: simulators.urls.esbis });
    stops.push(['simulators', () => simulators.close()]);
    logger.info({ urls: simulators.urls }, 'registry simulators serving the demo world');
  }

  // Built in every process that answers authorizations (api) or seeds them (demo); the store also backs enrichment.
  const authorizations = new NatsAuthorizationService({
    nc: nats.nc,
    js: nats.js,
    names,
    store: authorizationStore,
    logger,
    trust: await loadAuthorizationTrustStore(authzConfig.trustStore),
    audit: jetStreamAuditSink(nats.js, names),
    registryTimeoutMs: config.REGISTRY_REQUEST_TIMEOUT_MS,
    maxValidityDays: authzConfig.maxValidityDays,
    requireXades: authzConfig.requireXades === 'true',
  });
  if (world) await seedDemoAuthorizations(authorizations, world.traders);

  if (hasRole(config, 'connectors')) {
    const cacheRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    cacheRedis.on('error', (err) => logger.warn({ err }, 'connector cache redis error'));
    const connectors = await startConnectorServices({ nc: nats.nc, redis: cacheRedis, ns: names.ns, logger, env: registryEnv });
    stops.push(['connectors', async () => {
      await connectors.stop();
      cacheRedis.disconnect();
    }]);
  }

  if (hasRole(config, 'projector')) {
    const projector = new DecisionProjector(nats.js, nats.jsm, names, states, metrics, logger, config.MAX_ACK_PENDING);
    await projector.start();
    stops.push(['projector', () => projector.stop()]);
  }

  if (hasRole(config, 'ocr-worker')) {
    const ocr = await startOcrRole({
      connection, names, documents, extractions, logger, limits: documentLimits, deadlineMs: config.DOCUMENT_DEADLINE_MS,
      pool: { size: config.OCR_POOL_SIZE || undefined, model: config.OCR_MODEL }, timeline,
    });
    stops.push(['ocr-worker', () => ocr.stop()]);
  }

  if (hasRole(config, 'learning')) {
    // Outcome projection and retraining: any number of processes; a lease lets one of them retrain at a time.
    const loop = await startLearningLoop(nats, names, learning, buckets.traders, audit, logger, {
      everyMs: config.RETRAIN_EVERY_MS,
      afterOutcomes: config.RETRAIN_AFTER_OUTCOMES,
      leaseTtlMs: config.RETRAIN_LEASE_TTL_MS,
      autoPromote: config.AUTO_PROMOTE,
    });
    stops.push(['learning', () => loop.stop()]);
  }

  if (hasRole(config, 'score-worker')) {
    const history: TraderHistory = new TraderHistoryStore(buckets.traders, logger);
    const rules = loadRuleConfig(config.RULES_PATH || undefined);
    const served = await scoreWorkerLearning(nats, names, learning, logger);
    const worker: Worker = createScoreWorker({
      connection,
      prefix: names.bullPrefix,
      queueName: names.queues.score,
      concurrency: config.SCORE_CONCURRENCY,
      history,
      rules,
      learned: served.learned,
      logger,
      publishDecision: async (d: Decision, job: ScoreJob) => {
        const h = headers();
        h.set(CLIENT_ID_HEADER, job.clientId);
        h.set(DECISION_LANE_HEADER, d.lane);
        h.set(DECISION_TOTAL_MS_HEADER, String(d.timings.totalMs));
        await nats.js.publish(names.subjects.decision(d.customsOffice, d.lane), JSON.stringify(d), { msgID: versionKey(d.declarationId, d.version), headers: h });
      },
    });
    worker.on('failed', (job, err) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      const d = job.data.declaration;
      void deadLetters
        .publish({
          stage: 'score',
          subject: `bullmq:${names.queues.score}`,
          payload: Buffer.from(JSON.stringify(job.data)),
          code: 'HUB_ERR_SCORING_FAILED',
          message: err.message,
          attempts: job.attemptsMade,
          firstFailureAt: new Date(job.processedOn ?? Date.now()).toISOString(),
          declarationId: d.id,
          version: d.version,
          customsOffice: d.customsOffice,
          gtips: d.items.map((i: { gtip: string }) => i.gtip),
        })
        .catch((e: unknown) => logger.error({ err: e, declarationId: d.id }, 'dead letter publish failed'));
    });
    worker.on('error', (err) => logger.warn({ err }, 'score worker error'));
    // Documents no ocr worker takes (none running) would otherwise hold their score job past the deadline forever.
    const documentDeadline = new DocumentDeadlineSweeper({ connection, names, deadlineMs: config.DOCUMENT_DEADLINE_MS, logger });
    documentDeadline.start();
    stops.push(['score-worker', async () => {
      await documentDeadline.stop();
      await worker.close();
      await served.stop();
      await (history as TraderHistoryStore).close();
    }]);
  }

  if (hasRole(config, 'orchestrator')) {
    const orchestrator = new Orchestrator({
      js: nats.js,
      jsm: nats.jsm,
      names,
      states,
      scoreQueue,
      steps: overrides.enrichmentSteps ?? registryEnrichmentSteps({
        nc: nats.nc, ns: names.ns, timeoutMs: config.REGISTRY_REQUEST_TIMEOUT_MS, holdsAuthorization: authorizationStore.holdsAuthorization,
        localCacheTtlMs: config.REGISTRY_LOCAL_CACHE_TTL_MS, onLocalHit: (registry) => metrics.registryLocalHits.inc({ registry }),
      }),
      enrichTimeoutMs: config.ENRICH_TIMEOUT_MS,
      deadLetters,
      logger,
      maxAckPending: config.MAX_ACK_PENDING,
      batchSize: config.ORCHESTRATOR_BATCH,
      registryMaxWaitMs: config.REGISTRY_MAX_WAIT_MS,
      flows,
      timeline,
    });
    await orchestrator.start();
    const reconciler = new Reconciler({
      js: nats.js, jsm: nats.jsm, names, checkpoints: buckets.reconciler, states, orchestrator, logger,
      minAgeMs: config.RECONCILE_MIN_AGE_MS, everyMs: config.RECONCILE_EVERY_MS,
    });
    reconciler.start();
    stops.push(['orchestrator', async () => {
      await reconciler.stop();
      await orchestrator.stop();
    }]);
  }

  let warehouse: RunningWarehouse | null = null;
  if (hasRole(config, 'warehouse')) {
    const started = await startWarehouse({ js: nats.js, jsm: nats.jsm, names, logger, path: config.WAREHOUSE_PATH });
    warehouse = started;
    stops.push(['warehouse', () => started.stop()]);
  }

  let app: FastifyInstance | null = null;
  let reliability: Reliability | null = null;
  let url: string | null = null;
  if (hasRole(config, 'api')) {
    const feed = new DecisionFeed(nats.nc, names.subjects.decisionAll);
    const waiter = new DecisionWaiter(feed);
    const backlog = new BacklogMonitor(nats.jsm, names, scoreQueue, config.BACKLOG_LIMIT, logger);
    const redisProbe = createRedisProbe(config.REDIS_URL);
    redisProbe.on('error', () => undefined);
    const ingest = withDocumentCheck(new JetStreamIngestService(nats.js, names, states, waiter, backlog, timeline), documents);
    reliability = await startReliability({
      nats, names, connection, ingest, clients: apiKeys, states, deadLetters, logger,
      notify: { retry: { attempts: config.NOTIFY_ATTEMPTS, backoffMs: config.NOTIFY_BACKOFF_MS } },
      replayRatePerSecond: config.REPLAY_RATE_PER_SECOND, timeline,
    });
    const started = reliability;
    stops.push(['callbacks and replay', () => started.stop()]);
    const documentIntake = new DocumentIntake(documents, documentLimits, logger);
    app = await buildHttpApp({
      logger,
      ingest,
      verifier: apiKeys,
      metrics,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      soapBodyLimitBytes: config.SOAP_BODY_LIMIT_BYTES,
      soapDocuments: { service: documentIntake, maxBytes: config.DOCUMENT_MAX_BYTES },
      maxWaitMs: config.MAX_WAIT_MS,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      dashboardDir: overrides.dashboardDir,
      plugins: [
        (a) => a.register(documentRoutes, { documents: documentIntake, verifier: apiKeys, metrics, maxBytes: config.DOCUMENT_MAX_BYTES }),
        (a) => a.register(authorizationRoutes, { service: authorizations, verifier: apiKeys, metrics }),
        (a) => a.register(authorizationSoapRoutes, { prefix: '/soap/authorizations', service: authorizations, verifier: apiKeys, metrics }),
        (a) => a.register(adminRoutes, { prefix: '/v1/admin', authenticate, deadLetters: started.deadLetters, audit: started.audit, clients: apiKeys }),
        (a) => a.register(outcomeRoutes, { service: new OutcomeIntake(nats.js, names, states, learning.recorded, timeline), authenticate, metrics }),
        (a) => a.register(outcomesSoapRoutes, { prefix: '/soap/outcomes', service: new OutcomeIntake(nats.js, names, states, learning.recorded, timeline), verifier: apiKeys, metrics }),
        (a) => a.register(modelRoutes, { prefix: '/v1/admin/models', authenticate, registry: learning.registry, admin: new ModelAdmin(learning.registry, audit) }),
        (a) => a.register(capacityRoutes, { prefix: '/v1/admin/capacity', authenticate, capacities: new CapacitySettingsStore(learning.registry.settings, audit) }),
        (a) => a.register(watchListRoutes, { prefix: '/v1/admin/watch-list', authenticate, store: new WatchListStore(learning.watchList, audit) }),
        (a) => a.register(authorizationReviewRoutes, { prefix: '/v1/admin/authorizations', authenticate, authorizations }),
        (a) => a.register(sessionRoutes, { sessions }),
        (a) => a.register(inspectionRoutes, {
          authenticate,
          inspection: new InspectionService({ states, archive, extractions, documents, recorded: learning.recorded, renderer: new PageRenderer() }),
          worklist: warehouse ? new WarehouseWorkList(warehouse.db) : null,
        }),
        (a) => a.register(timelineRoutes, { reader: new TimelineReader({ js: nats.js, jsm: nats.jsm, names, states, logger }), authenticate, metrics }),
        (a) => a.register(userRoutes, { users, authenticate, audit: auditSink(started.audit) }),
        ...(warehouse ? [(a: FastifyInstance) => a.register(reportRoutes, { reports: new ReportQueries(warehouse.db), authenticate })] : []),
      ],
      readiness: async () => ({
        nats: !nats.nc.isClosed() && (await nats.nc.flush().then(() => true, () => false)),
        redis: await redisProbe.ping().then(() => true, () => false),
      }),
    });
    await app.listen({ host: config.HOST, port: config.PORT });
    const stats = new PipelineStats({ nc: nats.nc, jsm: nats.jsm, names, redisUrl: config.REDIS_URL, connection, logger });
    const gateway = new SocketGateway(app.server, feed, () => stats.read(), () => metrics.rejectedTotal, logger);
    const stopSocketAuth = authorizeSockets(gateway.io, sessions, logger);
    const address = app.server.address() as AddressInfo;
    url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`;
    const httpApp = app;
    stops.push(['api', async () => {
      stopSocketAuth();
      await gateway.close();
      await stats.close();
      await httpApp.close();
      waiter.close();
      feed.close();
      backlog.close();
      redisProbe.disconnect();
    }]);
    logger.info({ url, docs: `${url}/docs` }, 'TAREKS Hub listening');
    if (config.TAREKS_DEMO && config.DEMO_MODEL_BOOTSTRAP) {
      // Off the start path: the demo decides with the rule baseline until the first model is trained (about 2 s).
      void bootstrapDemoModel(learning.registry, logger).catch((err: unknown) => logger.warn({ err }, 'demo model bootstrap failed'));
    }
  }

  return {
    names,
    nats,
    buckets,
    metrics,
    apiKeys,
    world,
    states,
    deadLetters,
    warehouse,
    reliability,
    url,
    app,
    async stop() {
      // Reverse of start: stop accepting first, then the pipeline from its head to its tail.
      for (const [role, stop] of stops.reverse()) {
        logger.info({ role }, 'stopping role');
        await stop().catch((err: unknown) => logger.warn({ err, role }, 'stop step failed'));
      }
      logger.info('closing queue and NATS connections');
      await flows.close();
      await scoreQueue.close();
      await nats.nc.drain();
      logger.info('stopped');
    },
  };
}
