import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { isKvConflict } from '../infra/kv-conflict.js';

/** What the lease key holds: who leads and until when (the holder's clock; keep the TTL well above clock skew). */
export interface LeaseRecord {
  readonly holder: string;
  readonly expiresAt: number;
  readonly acquiredAt: number;
}

export interface LeaderLeaseOptions {
  readonly kv: KV;
  /** KV key of the lease, e.g. `learning.retrainer.lease`. */
  readonly key: string;
  /** This process's id in the lease (host:pid:random by default in the hub). */
  readonly holder: string;
  /** A lease not renewed for this long may be taken over, in ms; default 30 000. */
  readonly ttlMs?: number;
  readonly logger: Logger;
}

/**
 * Leader election by a lease in NATS KV: the holder's record carries an expiry and is renewed by compare-and-set on
 * its revision; another process may take it over only once it has expired, again by compare-and-set, so two
 * processes never both believe they hold it after a successful `hold()`. A holder that dies stops renewing and its
 * lease lapses after the TTL. `start()` keeps renewing (or trying to take over) every third of the TTL.
 */
export class LeaderLease {
  private revision = 0;
  private expiresAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private holding: Promise<boolean> | null = null;
  readonly ttlMs: number;

  constructor(private readonly o: LeaderLeaseOptions) {
    this.ttlMs = o.ttlMs ?? 30_000;
  }

  /** Holds the lease now (renewed by this call), as far as this process can tell. */
  isLeader(): boolean {
    return this.revision > 0 && Date.now() < this.expiresAt;
  }

  /** Renews the lease when held, takes it when free or expired; resolves to whether this process now leads. */
  hold(): Promise<boolean> {
    this.holding ??= this.tryHold().finally(() => (this.holding = null));
    return this.holding;
  }

  start(): void {
    void this.hold();
    this.timer = setInterval(() => void this.hold(), Math.max(100, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  /** Stops renewing; with `release`, hands the lease back at once (a clean shutdown) instead of letting it lapse. */
  async stop(o: { release?: boolean } = { release: true }): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.holding?.catch(() => undefined);
    if (o.release && this.revision > 0) {
      await this.o.kv.delete(this.o.key, { previousSeq: this.revision }).catch(() => undefined);
      this.o.logger.info({ key: this.o.key, holder: this.o.holder }, 'lease released');
    }
    this.revision = 0;
    this.expiresAt = 0;
  }

  private async tryHold(): Promise<boolean> {
    const now = Date.now();
    const next = (acquiredAt: number): string => JSON.stringify({ holder: this.o.holder, expiresAt: now + this.ttlMs, acquiredAt } satisfies LeaseRecord);
    try {
      const e = await this.o.kv.get(this.o.key);
      const cur = e && e.operation === 'PUT' ? e.json<LeaseRecord>() : null;
      if (cur && cur.holder !== this.o.holder && cur.expiresAt > now) return this.lost();
      const mine = cur?.holder === this.o.holder && e!.revision === this.revision;
      // Renewal, take-over of an expired lease, or first acquisition: each a compare-and-set on what was read.
      this.revision = e ? await this.o.kv.update(this.o.key, next(mine ? cur.acquiredAt : now), e.revision) : await this.o.kv.create(this.o.key, next(now));
      this.expiresAt = now + this.ttlMs;
      if (!mine) this.o.logger.info({ key: this.o.key, holder: this.o.holder, from: cur?.holder ?? null }, 'lease acquired');
      return true;
    } catch (err) {
      if (!isKvConflict(err)) this.o.logger.warn({ err, key: this.o.key }, 'lease not renewed');
      return this.lost();
    }
  }

  private lost(): false {
    if (this.revision > 0) this.o.logger.warn({ key: this.o.key, holder: this.o.holder }, 'lease lost');
    this.revision = 0;
    this.expiresAt = 0;
    return false;
  }
}
