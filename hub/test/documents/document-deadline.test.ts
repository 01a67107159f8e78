import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { FlowProducer, Queue, type ConnectionOptions, type Worker } from 'bullmq';
import { pino } from 'pino';
import { NO_HISTORY, createScoreWorker, loadRuleConfig } from '@tareks/scoring';
import { names, type Decision, type Declaration, type ScoreJob } from '@tareks/schemas';
import { scoreFlow } from '../../src/documents/document-flow.js';
import { startOcrRole, type OcrRole } from '../../src/documents/ocr-role.js';

const logger = pino({ level: 'silent' });
const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const connection: ConnectionOptions = { host: redis.hostname, port: Number(redis.port || 6379), maxRetriesPerRequest: null };
const n = names(`t_${randomBytes(5).toString('hex')}`);

const declaration: Declaration = {
  id: '26341300IM000777', version: 1, kind: 'IMPORT', domain: 'PRODUCT_SAFETY', customsOffice: '341300', submittedAt: new Date().toISOString(),
  trader: { taxId: '4540536920', name: 'Anadolu Oyuncak İthalat A.Ş.' },
  representative: { tckn: '17291716060', firstName: 'Ayşe', lastName: 'Yıldız', birthYear: 1984 },
  items: [{ itemNo: 1, gtip: '950300700000', description: 'Pelüş oyuncak ayı', originCountry: 'CN', quantity: 1200, unit: 'ADET', netMassKg: 360, value: { amount: 4200, currency: 'USD' } }],
  documents: [{ type: 'INVOICE', mediaType: 'application/pdf', sha256: 'c'.repeat(64), size: 1000 }],
};

let ocr: OcrRole | undefined;
let scorer: Worker | undefined;
const flows = new FlowProducer({ connection, prefix: n.bullPrefix });
const queues = [new Queue(n.queues.score, { connection, prefix: n.bullPrefix }), new Queue(n.queues.ocr, { connection, prefix: n.bullPrefix })];

afterAll(async () => {
  await ocr?.stop();
  await scorer?.close();
  await flows.close();
  for (const q of queues) {
    await q.obliterate({ force: true });
    await q.close();
  }
});

describe('document deadline', () => {
  it('gives up a document past its deadline, and the declaration is decided without it, saying so', async () => {
    const job: ScoreJob = { declaration, enrichment: [], receivedAt: new Date().toISOString(), clientId: 'c', protocol: 'REST', enrichMs: 0 };
    const flow = scoreFlow(job, n, { attempts: 1 });
    // Created long ago: the ocr worker must not even load the bytes (there are none) nor start the OCR engine.
    for (const child of flow.children ?? []) child.opts = { ...child.opts, timestamp: Date.now() - 3_600_000 };
    const decided = new Promise<Decision>((resolve) => {
      scorer = createScoreWorker({
        connection, prefix: n.bullPrefix, queueName: n.queues.score, history: { get: async () => NO_HISTORY, seen: () => undefined },
        rules: loadRuleConfig(), logger, publishDecision: async (d) => resolve(d),
      });
    });
    ocr = await startOcrRole({ connection, names: n, documents: { bytes: () => Promise.reject(new Error('not expected')) }, logger, pool: { size: 1 }, deadlineMs: 60_000 });
    await flows.add(flow);
    const decision = await decided;
    expect(decision.items[0]!.reasons.map((r) => r.code)).toContain('DOCUMENTS_TIMED_OUT');
    const child = await queues[1]!.getJob(flow.children![0]!.opts!.jobId!);
    expect(child?.failedReason).toMatch(/not read within 60000 ms/);
  });
});
