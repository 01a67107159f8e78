import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the package exports it as an ambient const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): ≈ 60–130 ms on this machine,
 * slow enough to make offline guessing costly, fast enough that a sign-in does not hold a core for long.
 * The parameters travel inside each PHC string, so raising them later still verifies older hashes.
 */
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, PARAMS);

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  return verify(phc, password).catch(() => false);
}

let dummy: Promise<string> | null = null;

/** Spends the same time as a real check, so an unknown username cannot be told from a wrong password by timing. */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(await dummy, password);
}
