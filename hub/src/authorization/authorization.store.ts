import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import type { AuthorizationRecord, Declaration, Names } from '@tareks/schemas';
import { statedTraderKeys, validOn, withGrant, type Grant, type TraderKey } from './authorization.grants.js';
import { isKvConflict } from '../infra/kv-conflict.js';

/** An authorization as kept in KV: the record plus who relayed it, the trader's confirmed keys and the outbox flag. */
export interface StoredAuthorization {
  readonly record: AuthorizationRecord;
  readonly clientId: string;
  readonly protocol: 'REST' | 'SOAP' | 'SEED';
  readonly traderKeys: readonly TraderKey[];
  /** True once the decision was published to the authorizations stream and audited. */
  readonly announced: boolean;
}

export interface StoredEntry {
  readonly value: StoredAuthorization;
  readonly revision: number;
}

/** Previous versions kept per key: a superseded unauthenticated refusal stays readable in the bucket's history. */
const HISTORY = 5;
/** Compare-and-set attempts on a grant list before giving up (writers race only on the same person and trader). */
const CAS_ATTEMPTS = 10;

const requestKey = (requestId: string): string => `request.${requestId}`;
const grantKey = (trader: TraderKey, tckn: string): string => `grant.${trader}.${tckn}`;

export class AuthorizationStoreError extends Error {
  override readonly name = 'AuthorizationStoreError';
  readonly code = 'HUB_ERR_AUTHZ_STORE_CONTENDED';
  readonly retryable = true;
}


/**
 * Authorizations in NATS KV (`names.kv.authorizations`): `request.<requestId>` holds each decision, and
 * `grant.<traderKey>.<tckn>` lists a person's approved authorizations for a trader, so the declaration-time check is
 * one read per identifier the declaration states.
 */
export class AuthorizationStore {
  constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, names: Names): Promise<AuthorizationStore> {
    return new AuthorizationStore(await new Kvm(nc).create(names.kv.authorizations, { history: HISTORY }));
  }

  async get(requestId: string): Promise<StoredEntry | null> {
    const e = await this.kv.get(requestKey(requestId));
    return e && e.operation === 'PUT' ? { value: e.json<StoredAuthorization>(), revision: e.revision } : null;
  }

  /** Writes a first decision (`previous` null) or replaces `previous`; returns the new revision, or null when another writer won. */
  async put(value: StoredAuthorization, previous: number | null): Promise<number | null> {
    const key = requestKey(value.record.request.requestId);
    try {
      return previous === null ? await this.kv.create(key, JSON.stringify(value)) : await this.kv.update(key, JSON.stringify(value), previous);
    } catch (err) {
      if (isKvConflict(err)) return null;
      throw err;
    }
  }

  /** Indexes an approved authorization under each of the trader's keys. */
  async grant(traderKeys: readonly TraderKey[], tckn: string, grant: Grant, today: string): Promise<void> {
    await Promise.all(traderKeys.map((t) => this.addGrant(grantKey(t, tckn), grant, today)));
  }

  private async addGrant(key: string, grant: Grant, today: string): Promise<void> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const e = await this.kv.get(key);
      const current = e && e.operation === 'PUT' ? e.json<Grant[]>() : [];
      const next = JSON.stringify(withGrant(current, grant, today));
      try {
        if (e) await this.kv.update(key, next, e.revision);
        else await this.kv.create(key, next);
        return;
      } catch (err) {
        if (!isKvConflict(err)) throw err;
      }
    }
    throw new AuthorizationStoreError(`grant list ${key} kept changing under ${CAS_ATTEMPTS} attempts`);
  }

  /**
   * Whether the declaration's representative holds an approved authorization for its trader, valid on the day the
   * declaration was lodged: the `holdsAuthorization` check of the registry enrichment steps.
   */
  readonly holdsAuthorization = async (d: Declaration): Promise<boolean> => {
    const on = d.submittedAt.slice(0, 10);
    const lists = await Promise.all(
      statedTraderKeys(d.trader).map(async (t) => {
        const e = await this.kv.get(grantKey(t, d.representative.tckn));
        return e && e.operation === 'PUT' ? e.json<Grant[]>() : [];
      }),
    );
    return lists.some((grants) => validOn(grants, on));
  };
}
