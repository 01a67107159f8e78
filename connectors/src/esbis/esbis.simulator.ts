import { Type } from 'typebox';
import { EsbisTradesmanBody, type Tradesman } from '@tareks/schemas';
import type { SimulatorOptions } from '../shared/connector.js';
import { FaultState } from '../simulator/fault-knobs.js';
import { createSimServer, listenSim, type FaultRenderer, type SimulatorHandle } from '../simulator/sim-server.js';
import { ESBIS_TRADESMEN_PATH } from './esbis.mapping.js';

const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });

const restFaults: FaultRenderer = {
  error: (_req, reply) => reply.code(500).send({ error: { code: 'ESBIS_INTERNAL', message: 'Simulated upstream failure' } }),
  malformed: (_req, reply) => reply.code(200).type('application/json').send('{"tradesman": {"tckn": "1234'),
};

/** ESBİS simulator: `GET /v1/tradesmen?tckn=…|vkn=…` → 200 `{ tradesman }`, 404 or 400 with `{ error }`. */
export async function startEsbisSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const byTckn = new Map<string, Tradesman>(opts.population.tradesmen.map((t) => [t.tckn, t]));
  const byVkn = new Map<string, Tradesman>(opts.population.tradesmen.filter((t) => t.vkn).map((t) => [t.vkn!, t]));
  const faults = new FaultState(opts.faults);
  const app = createSimServer({ faults, render: restFaults, logger: opts.logger });
  app.get(
    ESBIS_TRADESMEN_PATH,
    {
      schema: {
        querystring: Type.Object({ tckn: Type.Optional(Type.String({ pattern: '^[0-9]{11}$' })), vkn: Type.Optional(Type.String({ pattern: '^[0-9]{10}$' })) }),
        response: { 200: EsbisTradesmanBody, 400: ErrorBody, 404: ErrorBody },
      },
      config: { faults: true },
    },
    async (req, reply) => {
      const q = req.query as { tckn?: string; vkn?: string };
      if ((q.tckn === undefined) === (q.vkn === undefined)) return reply.code(400).send({ error: { code: 'BAD_QUERY', message: 'exactly one of tckn, vkn' } });
      const t = q.tckn !== undefined ? byTckn.get(q.tckn) : byVkn.get(q.vkn!);
      if (!t) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'Esnaf kaydı bulunamadı / no tradesman record' } });
      return { tradesman: t };
    },
  );
  const base = await listenSim(app, opts.host ?? '127.0.0.1', opts.port ?? 0);
  return { name: 'esbis', url: base, faults, close: () => app.close() };
}
