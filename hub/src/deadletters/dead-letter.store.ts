import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kvm } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { DeadLetter, Names, ReplayRecord } from '@tareks/schemas';
import { DeadLetterIndex } from './dead-letter.index.js';
import { ReplayHistory } from './replay.history.js';

/**
 * The dead letters as admins read them: the index (kept current by an ordered consumer on the dead-letter stream and a
 * watch on the replay history), the full record fetched from the stream by sequence, with its replays.
 */
export class DeadLetterStore {
  readonly index = new DeadLetterIndex();
  private readonly stops: Array<() => Promise<unknown>> = [];
  private caughtUp!: Promise<void>;

  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
    readonly history: ReplayHistory,
    private readonly logger: Logger,
  ) {}

  /** Builds the index from the stream, then follows it; resolves once the stream as it was at start is indexed. */
  static async open(js: JetStreamClient, jsm: JetStreamManager, kvm: Kvm, names: Names, logger: Logger): Promise<DeadLetterStore> {
    const history = new ReplayHistory(await kvm.create(names.kv.replays, { history: 1 }));
    const store = new DeadLetterStore(js, jsm, names, history, logger);
    await store.follow();
    return store;
  }

  private async follow(): Promise<void> {
    const stream = this.names.streams.deadLetters;
    const lastSeq = (await this.jsm.streams.info(stream)).state.last_seq;
    let signal!: () => void;
    this.caughtUp = new Promise<void>((resolve) => (signal = resolve));
    if (lastSeq === 0) signal();
    const consumer = await this.js.consumers.get(stream);
    const messages = await consumer.consume();
    const loop = (async () => {
      for await (const m of messages) {
        try {
          this.index.add(m.json<DeadLetter>(), m.seq);
        } catch (err) {
          this.logger.error({ err, seq: m.seq }, 'unreadable dead letter skipped by the index');
        }
        if (m.seq >= lastSeq) signal();
      }
    })();
    const watch = await this.history.kv.watch();
    const watchLoop = (async () => {
      for await (const e of watch) {
        if (e.operation === 'PUT') this.index.setReplays(e.key, e.json<ReplayRecord[]>());
      }
    })();
    this.stops.push(async () => {
      await messages.close();
      await loop;
    });
    this.stops.push(async () => {
      watch.stop();
      await watchLoop;
    });
    await this.caughtUp;
  }

  /** The full record with its replay history, or null. */
  async get(id: string): Promise<DeadLetter | null> {
    const summary = this.index.get(id);
    if (!summary) return null;
    const msg = await this.jsm.streams.getMessage(this.names.streams.deadLetters, { seq: summary.seq });
    if (!msg) return null;
    return { ...msg.json<DeadLetter>(), replays: await this.history.get(id) };
  }

  async close(): Promise<void> {
    for (const stop of this.stops) await stop();
  }
}
