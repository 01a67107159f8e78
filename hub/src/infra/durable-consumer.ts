import { AckPolicy, type ConsumerConfig, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';

/** How long a delivered message may stay unacknowledged before JetStream redelivers it (ns). */
const ACK_WAIT_NS = 30e9;

/** Creates the durable consumer unless it exists (explicit acks, `ack_wait` 30 s, `max_ack_pending` = in-flight bound). */
export async function ensureDurable(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  maxInFlight: number,
  config: Partial<ConsumerConfig> = {},
): Promise<void> {
  if (await jsm.consumers.info(stream, durable).catch(() => null)) return;
  await jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, ack_wait: ACK_WAIT_NS, max_ack_pending: maxInFlight, ...config });
}

export interface RunningConsumer {
  /** Stops pulling, then lets the messages in hand finish (their acks still go out). */
  stop(): Promise<void>;
}

/**
 * Consumes an existing durable consumer with at most `maxInFlight` messages handled at once (1 = in order).
 * `handle` owns the ack/nak/term of each message.
 */
export async function consumeDurable(
  js: JetStreamClient,
  stream: string,
  durable: string,
  maxInFlight: number,
  handle: (msg: JsMsg) => Promise<void>,
): Promise<RunningConsumer> {
  const consumer = await js.consumers.get(stream, durable);
  const messages = await consumer.consume({ max_messages: Math.max(100, Math.min(maxInFlight, 1000)) });
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    for await (const msg of messages) {
      const p = handle(msg).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.allSettled([...inFlight]);
  })();
  return {
    async stop() {
      await messages.close();
      await loop;
    },
  };
}
