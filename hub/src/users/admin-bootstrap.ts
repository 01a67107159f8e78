import type { Logger } from 'pino';
import { compile, NewUser, type NewUser as NewUserInput } from '@tareks/schemas';
import { USER_ERROR_CODES, UserError } from './user.errors.js';
import type { UserStore } from './user.store.js';

const validNewUser = compile<NewUserInput>(NewUser);

export interface FirstAdmin {
  /** From `TAREKS_ADMIN_USER`. */
  readonly username?: string;
  /** From `TAREKS_ADMIN_PASSWORD`; at least 12 characters. */
  readonly password?: string;
}

/**
 * Creates the first admin when no enabled admin exists and both values are given; otherwise does nothing.
 * Safe at every start and from several processes at once (creation is atomic per username).
 */
export async function ensureFirstAdmin(users: UserStore, admin: FirstAdmin, logger: Logger): Promise<boolean> {
  if (!admin.username || !admin.password) {
    if ((await users.activeAdmins()) === 0) logger.warn('no dashboard admin yet: set TAREKS_ADMIN_USER and TAREKS_ADMIN_PASSWORD, or run `npm run hub:user -- create --role admin`');
    return false;
  }
  if ((await users.activeAdmins()) > 0 || (await users.get(admin.username))) return false;
  const input: NewUserInput = { username: admin.username, displayName: admin.username, roles: ['admin'], password: admin.password };
  const check = validNewUser(input);
  if (!check.ok) {
    throw new UserError(USER_ERROR_CODES.invalid, `TAREKS_ADMIN_USER / TAREKS_ADMIN_PASSWORD: ${check.errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`);
  }
  try {
    await users.create(input);
  } catch (err) {
    if ((err as { code?: string }).code === 'HUB_ERR_USER_EXISTS') return false;
    throw err;
  }
  logger.info({ username: admin.username }, 'first dashboard admin created');
  return true;
}
