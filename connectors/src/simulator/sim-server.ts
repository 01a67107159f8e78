import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { FaultState } from './fault-knobs.js';
import { FaultKnobs, FaultKnobsPatch } from './fault-knobs.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is part of the simulated protocol, so the fault knobs apply to it. */
    faults?: boolean;
  }
}

export const ADMIN_PATH = '/__admin/faults';

/** How a simulator answers an injected fault in its own protocol. */
export interface FaultRenderer {
  error(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  malformed(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

export interface SimulatorHandle {
  readonly name: string;
  /** Base URL of the simulated service (what `*_URL` is set to). */
  readonly url: string;
  readonly faults: FaultState;
  close(): Promise<void>;
}

export interface SimServerOptions {
  readonly faults: FaultState;
  readonly render: FaultRenderer;
  readonly logger?: Logger;
  /** Largest request body, in bytes. */
  readonly bodyLimit?: number;
}

/**
 * A Fastify app with the fault knobs every simulator shares: `GET|PUT|DELETE /__admin/faults`, and a hook that
 * delays, fails, garbles or refuses the protocol routes (route config `faults: true`) as the knobs say.
 */
export function createSimServer(opts: SimServerOptions): FastifyInstance {
  // Request logs stay off (warn level): a simulator under a benchmark would drown the real logs.
  const app = Fastify({ loggerInstance: opts.logger?.child({}, { level: 'warn' }) as FastifyBaseLogger | undefined, forceCloseConnections: true,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    // Replies are built from a validated population: the serializer need not know our domain formats (tckn, tax-id).
    serializerOpts: { ajv: { validateFormats: false } },
  });
  const { faults } = opts;

  app.get(ADMIN_PATH, { schema: { response: { 200: FaultKnobs } } }, async () => faults.get());
  app.put(ADMIN_PATH, { schema: { body: FaultKnobsPatch, response: { 200: FaultKnobs } } }, async (req) => faults.set(req.body as Partial<FaultKnobs>));
  app.delete(ADMIN_PATH, { schema: { response: { 200: FaultKnobs } } }, async () => faults.reset());

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.faults !== true) return;
    const { latencyMs } = faults.get();
    if (latencyMs > 0) await sleep(latencyMs);
    const outcome = faults.draw();
    if (outcome === 'outage') return reply.code(503).header('retry-after', '1').send('');
    if (outcome === 'error') return opts.render.error(request, reply);
    if (outcome === 'malformed') return opts.render.malformed(request, reply);
    return undefined;
  });
  return app;
}

/** Listens and returns the base URL. Port 0 takes a free one. */
export async function listenSim(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const addr = app.server.address();
  if (addr === null || typeof addr === 'string') throw new Error('simulator did not bind a TCP port');
  const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return `http://${h}:${addr.port}`;
}
