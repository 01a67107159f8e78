import type { JetStreamManager } from '@nats-io/jetstream';

/** `tareks_ingest_rejected_total` by `protocol|code`, read from the Prometheus text at `/metrics`. */
export async function rejectedByCode(baseUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^tareks_ingest_rejected_total\{([^}]*)\}\s+(\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1]!, l[2]!]));
    out.set(`${labels.protocol}|${labels.code}`, Number(m[2]));
  }
  return out;
}

/** Growth of each counter between two readings (counters absent before count from zero). */
export function growth(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of after) if (v !== (before.get(k) ?? 0)) out.set(k, v - (before.get(k) ?? 0));
  return out;
}

/** How many messages of a stream carry each `Nats-Msg-Id`. */
export async function countByMsgId(jsm: JetStreamManager, stream: string): Promise<Map<string, number>> {
  const { state } = await jsm.streams.info(stream);
  const out = new Map<string, number>();
  for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    const id = m?.header?.get('Nats-Msg-Id');
    if (id) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}
