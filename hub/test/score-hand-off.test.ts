import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionOptions, Queue } from 'bullmq';
import { names, versionJobId, type Declaration, type ScoreJob } from '@tareks/schemas';
import { ScoreHandOff } from '../src/pipeline/score-hand-off.js';
import { createScoreQueue } from '../src/pipeline/score-queue.js';

const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const connection: ConnectionOptions = { host: redis.hostname, port: Number(redis.port || 6379), maxRetriesPerRequest: null };
const n = names(`t_${randomBytes(5).toString('hex')}`);
const queue: Queue<ScoreJob> = createScoreQueue(connection, n);

const job = (i: number): ScoreJob => ({
  declaration: { id: `26341300IM${String(i).padStart(6, '0')}`, version: 1 } as Declaration,
  enrichment: [], receivedAt: new Date().toISOString(), clientId: 'c', protocol: 'REST', enrichMs: 0,
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});

describe('score hand-off', () => {
  it('adds the jobs handed over together in bulks of at most the batch size, with the queue defaults, once per id', async () => {
    const sizes: number[] = [];
    const counted: Pick<Queue<ScoreJob>, 'addBulk'> = { addBulk: (jobs) => (sizes.push(jobs.length), queue.addBulk(jobs)) };
    const handOff = new ScoreHandOff(counted, 100);
    const jobs = Array.from({ length: 250 }, (_, i) => job(i));
    await Promise.all(jobs.map((j) => handOff.add(j, versionJobId(j.declaration.id, 1))));
    expect(sizes).toEqual([100, 100, 50]);
    // A redelivered declaration hands its job over again: the job id keeps it one job.
    await handOff.add(jobs[0]!, versionJobId(jobs[0]!.declaration.id, 1));
    expect(await queue.getWaitingCount()).toBe(250);
    const first = await queue.getJob(versionJobId(jobs[0]!.declaration.id, 1));
    expect(first?.opts.attempts).toBe(queue.defaultJobOptions.attempts);
  });

  it('fails every caller of a batch Redis refused, so each one retries', async () => {
    const refusing = new ScoreHandOff({ addBulk: async () => Promise.reject(new Error('READONLY')) }, 10);
    const results = await Promise.allSettled([refusing.add(job(900), 'a'), refusing.add(job(901), 'b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
