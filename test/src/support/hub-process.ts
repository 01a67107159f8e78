import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dropNamespace, NATS_URL, REDIS_URL, testNamespace } from './test-env.js';

const MAIN = fileURLToPath(new URL('../../../hub/dist/main.js', import.meta.url));

export async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

export interface HubProcess {
  readonly url: string;
  readonly ns: string;
  readonly child: ChildProcess;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  /** Stops and deletes the namespace's streams, buckets and queues. */
  dispose(): Promise<void>;
}

/** Runs the built hub (`hub/dist/main.js`) as its own process, as `npm start` would, in a namespace of its own. */
export async function startHubProcess(env: Record<string, string> = {}, ns: string = testNamespace()): Promise<HubProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NATS_URL, REDIS_URL, TAREKS_NAMESPACE: ns, TAREKS_DEMO: 'true', DEMO_RATE: '0', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('hub not ready within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  return {
    url,
    ns,
    child,
    stop,
    async dispose() {
      try {
        await stop();
      } finally {
        await dropNamespace(ns);
      }
    },
  };
}
