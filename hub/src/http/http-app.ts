import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import { API_KEY_HEADER, declarationRoutes, soapRoutes, type ApiKeyVerifier, type IngestService, type SoapDocumentOptions } from '@tareks/adapters';
import type { HubMetrics } from '../metrics/hub-metrics.js';

export interface HttpAppOptions {
  readonly logger: Logger;
  readonly ingest: IngestService;
  readonly verifier: ApiKeyVerifier;
  readonly metrics: HubMetrics;
  readonly bodyLimitBytes: number;
  readonly soapBodyLimitBytes: number;
  /** Documents over SOAP (AttachDocument, SubmitDeclaration attachments): the REST upload's intake and its size limit. */
  readonly soapDocuments?: SoapDocumentOptions;
  readonly maxWaitMs: number;
  readonly rateLimitPerMinute: number;
  /** Each dependency's readiness; `/readyz` is 200 only when all are true. */
  readonly readiness: () => Promise<Record<string, boolean>>;
  /** Further route plugins of this process (admin API, sessions, reports), registered after the ingest routes. */
  readonly plugins?: ReadonlyArray<(app: FastifyInstance) => PromiseLike<unknown>>;
  /** Static dashboard build; served at `/` when it exists. */
  readonly dashboardDir?: string;
}

export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/build/', import.meta.url));

/** The hub's HTTP surface: REST and SOAP ingest, OpenAPI docs, health, metrics and the dashboard. */
export async function buildHttpApp(o: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: o.logger as FastifyBaseLogger, bodyLimit: o.bodyLimitBytes, logController: new LogController({ disableRequestLogging: true }), return503OnClosing: true });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'TAREKS Hub API', version: '1.0.0', description: 'Risk-based trade control: declarations in, routing decisions out.' },
      components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: API_KEY_HEADER } } },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifyRateLimit, {
    global: true,
    max: o.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per customs client (its key); callers without a key share a budget per address.
    keyGenerator: (req) => (req.headers[API_KEY_HEADER] as string | undefined) ?? req.ip,
    allowList: (req) => !req.url.startsWith('/v1/') && !req.url.startsWith('/soap/'),
  });

  await app.register(declarationRoutes, { ingest: o.ingest, verifier: o.verifier, metrics: o.metrics, maxWaitMs: o.maxWaitMs });
  await app.register(soapRoutes, { prefix: '/soap/declarations', ingest: o.ingest, verifier: o.verifier, metrics: o.metrics, maxWaitMs: o.maxWaitMs, bodyLimitBytes: o.soapBodyLimitBytes, ...(o.soapDocuments ? { documents: o.soapDocuments } : {}) });

  for (const plugin of o.plugins ?? []) await plugin(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks = await o.readiness();
    const ready = Object.values(checks).every(Boolean);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', o.metrics.registry.contentType).send(await o.metrics.registry.metrics()),
  );

  const dashboard = o.dashboardDir ?? DEFAULT_DASHBOARD_DIR;
  if (existsSync(dashboard)) {
    await app.register(fastifyStatic, {
      root: dashboard,
      wildcard: false,
      setHeaders: (res, path) => res.header('cache-control', path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) =>
    existsSync(dashboard) && isPageRequest(req.method, req.url, req.headers.accept)
      ? reply.header('cache-control', 'no-cache').sendFile('index.html')
      : reply.status(404).send({ error: { code: 'HUB_ERR_NOT_FOUND', message: 'no such route' } }),
  );
  app.addHook('onSend', async (_req, reply) => {
    void reply.header('content-security-policy', "frame-ancestors 'none'");
  });
  return app;
}

const NOT_PAGES = ['/v1/', '/soap/', '/docs', '/metrics', '/healthz', '/readyz', '/socket.io/'];

/** Only a browser asking for a page gets the dashboard's single-page fallback; API paths get a coded 404. */
function isPageRequest(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && (accept ?? '').includes('text/html') && !NOT_PAGES.some((p) => url.startsWith(p));
}
