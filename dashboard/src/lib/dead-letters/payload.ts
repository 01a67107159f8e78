import type { DeadLetter } from '@tareks/schemas';

export type DecodedPayload = { kind: 'json'; value: unknown; text: string } | { kind: 'text'; text: string } | { kind: 'binary'; bytes: number; base64: string };

/** The original message body: pretty JSON when it parses, text when it is UTF-8, else the base64 as stored. */
export function decodePayload(base64: string): DecodedPayload {
  const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { kind: 'binary', bytes: raw.length, base64 };
  }
  try {
    const value: unknown = JSON.parse(text);
    return { kind: 'json', value, text: JSON.stringify(value, null, 2) };
  } catch {
    return { kind: 'text', text };
  }
}

/** What an admin edits before a replay: the declaration inside the message (as the hub replays it), else the whole body. */
export function editableDeclaration(letter: DeadLetter): string {
  const p = decodePayload(letter.payload);
  if (p.kind !== 'json') return p.kind === 'text' ? p.text : '';
  const v = p.value;
  const inner = v && typeof v === 'object' && 'declaration' in v ? (v as { declaration: unknown }).declaration : v;
  return JSON.stringify(inner, null, 2);
}
