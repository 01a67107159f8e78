import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { EvaluateError, EVALUATE_ERROR_CODES as E } from './evaluate.errors.js';
import type { Learner } from './learned-strategy.js';

/** An external model speaking the peer line protocol (see test/peers/xgboost/xgboost_peer.py). */
export interface PeerProcess {
  /** What the peer said about itself in its hello line. */
  readonly hello: Record<string, unknown>;
  /** A learner sending `columns` of each row (all when omitted). */
  learner(columns?: readonly number[]): Learner;
  close(): Promise<void>;
}

const b64 = (a: Float32Array | Uint8Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function pick(X: Float32Array, F: number, columns: readonly number[]): Float32Array {
  const n = X.length / F;
  const out = new Float32Array(n * columns.length);
  for (let i = 0; i < n; i++) columns.forEach((c, j) => (out[i * columns.length + j] = X[i * F + c]!));
  return out;
}

export async function startPeer(command: readonly string[]): Promise<PeerProcess> {
  const [cmd, ...args] = command;
  if (!cmd) throw new EvaluateError(E.badOption, 'empty peer command');
  const child: ChildProcessWithoutNullStreams = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const lines: Interface = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (cause) => reject(new EvaluateError(E.peer, `peer '${cmd}' failed to start`, { cause })));
    child.once('exit', (code) => reject(new EvaluateError(E.peer, `peer exited with ${code}: ${stderr.trim()}`)));
  });
  exited.catch(() => undefined);
  const next = async (): Promise<Record<string, unknown>> => {
    const r = await Promise.race([iterator.next(), exited]);
    if (r.done) throw new EvaluateError(E.peer, `peer closed its output: ${stderr.trim()}`);
    return JSON.parse(r.value) as Record<string, unknown>;
  };
  const hello = await next();
  return {
    hello,
    learner: (columns) => async (train, X) => {
      const F = train.featureCount;
      const cols = columns ?? Array.from({ length: F }, (_, c) => c);
      child.stdin.write(
        `${JSON.stringify({ features: cols.length, train_x: b64(pick(train.X, F, cols)), train_y: b64(train.y), test_x: b64(pick(X, F, cols)) })}\n`,
      );
      const reply = await next();
      const scores = reply.scores as number[] | undefined;
      if (!Array.isArray(scores) || scores.length !== X.length / F) throw new EvaluateError(E.peer, 'peer answered without one score per row');
      return Float64Array.from(scores);
    },
    close: async () => {
      child.stdin.end();
      lines.close();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
