import type { KV } from '@nats-io/kv';
import type { NewUser, UserRole, UserUpdate, UserView } from '@tareks/schemas';
import { hashPassword, verifyPassword, burnVerification } from './password-hasher.js';
import { USER_ERROR_CODES, UserError } from './user.errors.js';

interface StoredUser extends UserView {
  readonly passwordHash: string;
  /** Sessions opened before this instant are void: set when the password changes or the account is disabled. */
  readonly sessionsValidFrom?: string;
}

const view = ({ passwordHash: _hash, sessionsValidFrom: _from, ...user }: StoredUser): UserView => user;

/** Dashboard users in NATS KV (durable, replicated with the cluster), keyed by username. */
export class UserStore {
  constructor(private readonly kv: KV) {}

  async get(username: string): Promise<UserView | null> {
    const found = await this.read(username);
    return found && view(found.user);
  }

  /** The user and the instant before which its sessions are void (epoch 0 when never reset). */
  async forSession(username: string): Promise<{ user: UserView; sessionsValidFrom: number } | null> {
    const found = await this.read(username);
    return found && { user: view(found.user), sessionsValidFrom: Date.parse(found.user.sessionsValidFrom ?? '1970-01-01T00:00:00Z') };
  }

  async list(): Promise<UserView[]> {
    const users: UserView[] = [];
    for await (const key of await this.kv.keys()) {
      const user = await this.get(key);
      if (user) users.push(user);
    }
    return users.sort((a, b) => a.username.localeCompare(b.username));
  }

  async create(input: NewUser): Promise<UserView> {
    const now = new Date().toISOString();
    const user: StoredUser = {
      username: input.username,
      displayName: input.displayName,
      roles: input.roles,
      disabled: false,
      createdAt: now,
      updatedAt: now,
      passwordHash: await hashPassword(input.password),
    };
    try {
      await this.kv.create(input.username, JSON.stringify(user));
    } catch (err) {
      throw new UserError(USER_ERROR_CODES.exists, `user ${input.username} already exists`, { cause: err });
    }
    return view(user);
  }

  /** Changes a user with optimistic concurrency; refuses to remove or disable the last enabled admin. */
  async update(username: string, change: UserUpdate): Promise<UserView> {
    const found = await this.read(username);
    if (!found) throw new UserError(USER_ERROR_CODES.notFound, `no user ${username}`);
    const next: StoredUser = {
      ...found.user,
      ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
      ...(change.roles !== undefined ? { roles: change.roles } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
      ...(change.password !== undefined || change.disabled === true ? { sessionsValidFrom: new Date().toISOString() } : {}),
      updatedAt: new Date().toISOString(),
    };
    if (isActiveAdmin(found.user) && !isActiveAdmin(next) && (await this.activeAdmins()) <= 1) {
      throw new UserError(USER_ERROR_CODES.lastAdmin, 'the last enabled admin cannot lose the admin role');
    }
    try {
      await this.kv.update(username, JSON.stringify(next), found.revision);
    } catch (err) {
      throw new UserError(USER_ERROR_CODES.conflict, `user ${username} changed meanwhile, try again`, { cause: err });
    }
    return view(next);
  }

  /** The user when the password matches and the account is enabled; constant work whether or not it exists. */
  async authenticate(username: string, password: string): Promise<UserView | null> {
    const found = /^[a-z0-9][a-z0-9._-]{2,63}$/.test(username) ? await this.read(username) : null;
    if (!found) {
      await burnVerification(password);
      return null;
    }
    const ok = await verifyPassword(found.user.passwordHash, password);
    return ok && !found.user.disabled ? view(found.user) : null;
  }

  async activeAdmins(): Promise<number> {
    return (await this.list()).filter(isActiveAdmin).length;
  }

  private async read(username: string): Promise<{ user: StoredUser; revision: number } | null> {
    const entry = await this.kv.get(username);
    if (!entry || entry.operation !== 'PUT') return null;
    return { user: entry.json<StoredUser>(), revision: entry.revision };
  }
}

const isActiveAdmin = (u: { roles: readonly UserRole[]; disabled: boolean }): boolean => !u.disabled && u.roles.includes('admin');
