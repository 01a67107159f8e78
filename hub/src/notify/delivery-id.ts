import { createHash } from 'node:crypto';

/**
 * The delivery id of a decision notification: the same for every attempt and replay of (client, declaration, version),
 * so the receiver deduplicates on it and BullMQ (jobId) never holds two jobs for it. 128 bits of SHA-256, hex.
 */
export const deliveryIdOf = (clientId: string, declarationId: string, version: number): string =>
  createHash('sha256').update(`${clientId}\n${declarationId}\n${version}`).digest('hex').slice(0, 32);
