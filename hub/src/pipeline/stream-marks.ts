import { PubHeaders, type JetStreamClient } from '@nats-io/jetstream';

/** One stored message seen without its body: its `Nats-Msg-Id`, sequence and time (ms). */
export interface StreamMark {
  readonly msgId: string;
  readonly seq: number;
  readonly at: number;
}

/** Messages fetched per pull while scanning. */
const FETCH_BATCH = 5_000;
/** How long one pull waits for the messages it asked for, ms. */
const FETCH_EXPIRES_MS = 5_000;

/**
 * Reads a stream's messages from a sequence or a time up to its current end, headers only (an ordered consumer
 * made for the scan), and hands each to `visit` until it returns false. Messages without a `Nats-Msg-Id` are skipped.
 */
export async function readStreamMarks(
  js: JetStreamClient,
  stream: string,
  from: { readonly seq: number } | { readonly time: number },
  visit: (mark: StreamMark) => boolean,
): Promise<void> {
  const start = 'seq' in from ? { opt_start_seq: from.seq } : { opt_start_time: new Date(from.time).toISOString() };
  const consumer = await js.consumers.get(stream, { ...start, headers_only: true });
  try {
    let left = (await consumer.info(true)).num_pending;
    while (left > 0) {
      let got = 0;
      for await (const m of await consumer.fetch({ max_messages: Math.min(left, FETCH_BATCH), expires: FETCH_EXPIRES_MS })) {
        got++;
        left--;
        const msgId = m.headers?.get(PubHeaders.MsgIdHdr);
        if (msgId && !visit({ msgId, seq: m.seq, at: m.info.timestampNanos / 1e6 })) return;
        if (!left) break;
      }
      if (!got) return;
    }
  } finally {
    void consumer.delete().catch(() => undefined);
  }
}
