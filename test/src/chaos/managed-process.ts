import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** How long a process gets to exit on SIGTERM before it is killed (ms). */
const TERM_GRACE_MS = 10_000;

export interface ProcessSpec {
  /** Label in logs and the report, e.g. `nats-server` or `score-worker-1`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** File that receives the process's stdout and stderr (appended across restarts). */
  readonly logFile: string;
  /** Resolves once the process serves; rejects when it does not within its own bound. */
  readonly ready: (child: ChildProcess) => Promise<void>;
  /** Start it again when it exits on its own, as systemd's `Restart=always` would, after this many ms. Default: never. */
  readonly restartAfterCrashMs?: number;
}

/** An exit the suite did not cause. */
export interface Crash {
  readonly at: number;
  readonly exit: string;
}

/** Every process started and not yet disposed, so an interrupted run (Ctrl-C) can still kill them by their pid. */
const live = new Set<ManagedProcess>();

/** On SIGINT/SIGTERM, kill -9 every process the run started, then exit (a `finally` does not run on a signal). */
export function killChildrenOnSignal(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const p of live) p.killNow();
      process.exit(130);
    });
  }
}

/**
 * One child process the chaos run owns: started, killed hard (`SIGKILL`), stopped cleanly or restarted with the same
 * spec. Every process the suite starts is one of these, so teardown can stop them all by their own pid.
 */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream | null = null;
  private expectedExit = false;
  private disposed = false;
  readonly crashes: Crash[] = [];

  constructor(readonly spec: ProcessSpec) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    live.add(this);
    this.log ??= createWriteStream(this.spec.logFile, { flags: 'a' });
    this.log.write(`--- ${new Date().toISOString()} start ${this.spec.name}\n`);
    const child = spawn(this.spec.command, [...this.spec.args], { env: { ...process.env, ...this.spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(this.log, { end: false });
    child.stderr.pipe(this.log, { end: false });
    this.child = child;
    this.expectedExit = false;
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    const exited = once(child, 'exit').then(([code, signal]) => {
      throw new Error(`${this.spec.name} exited (${code ?? signal}) before it was ready; see ${this.spec.logFile}`);
    });
    exited.catch(() => undefined);
    await Promise.race([this.spec.ready(child), exited]);
  }

  /** kill -9: no clean-up of any kind, as a crash would leave it. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace time. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectedExit = true;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), TERM_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops the process and closes its log. */
  async dispose(): Promise<void> {
    this.disposed = true;
    try {
      await this.stop();
    } finally {
      live.delete(this);
      this.log?.end();
      this.log = null;
    }
  }

  /** Synchronous kill -9, for an interrupted run. */
  killNow(): void {
    this.disposed = true;
    if (this.running) this.child!.kill('SIGKILL');
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.expectedExit || this.disposed || child !== this.child) return;
    const exit = String(code ?? signal);
    this.crashes.push({ at: Date.now(), exit });
    this.log?.write(`--- ${new Date().toISOString()} ${this.spec.name} exited on its own (${exit})\n`);
    const delay = this.spec.restartAfterCrashMs;
    if (delay === undefined) return;
    setTimeout(() => {
      if (this.disposed || this.running) return;
      this.start().catch((err: unknown) => this.log?.write(`--- restart after crash failed: ${(err as Error).message}\n`));
    }, delay);
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectedExit = true;
    const exited = once(child, 'exit');
    child.kill(sig);
    await exited;
    this.log?.write(`--- ${new Date().toISOString()} ${sig} ${this.spec.name}\n`);
  }
}

/** Polls `probe` every 100 ms until it holds; throws after `timeoutMs`, or at once when `child` has exited. */
export async function waitFor(what: string, probe: () => Promise<boolean>, child?: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${what}: process exited`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
