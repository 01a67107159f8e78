import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { compile, names, NewUser, USER_ROLES, type UserRole } from '@tareks/schemas';
import { loadConfig } from '../config/config.js';
import { connectNats } from '../infra/nats.js';
import { createLogger } from '../infra/logger.js';
import { ensureSessionBuckets } from '../session/session.buckets.js';
import { UserStore } from '../users/user.store.js';

const USAGE = `usage: npm run hub:user -- <command> [options]
  create   --username NAME --role ROLE [--role ROLE…] [--display-name TEXT] [--password-stdin]
  password --username NAME [--password-stdin]
  disable  --username NAME        enable --username NAME
  list
The password is read from TAREKS_USER_PASSWORD or, with --password-stdin, from standard input.
Roles: ${USER_ROLES.join(', ')}. NATS_URL and TAREKS_NAMESPACE select the hub.`;

const validNewUser = compile<NewUser>(NewUser);

async function password(fromStdin: boolean | undefined): Promise<string> {
  const value = fromStdin ? (await text(process.stdin)).replace(/\r?\n$/, '') : process.env.TAREKS_USER_PASSWORD;
  if (!value) throw new Error('no password: set TAREKS_USER_PASSWORD or pass --password-stdin');
  return value;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string', multiple: true },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const command = positionals[0];
  const config = loadConfig();
  const nats = await connectNats(config.NATS_URL, 'tareks-user-cli', createLogger('warn'));
  try {
    const users = new UserStore((await ensureSessionBuckets(nats.nc, names(config.TAREKS_NAMESPACE))).users);
    const username = values.username?.toLowerCase() ?? '';
    switch (command) {
      case 'create': {
        const input = {
          username,
          displayName: values['display-name'] ?? username,
          roles: (values.role ?? []) as UserRole[],
          password: await password(values['password-stdin']),
        };
        const check = validNewUser(input);
        if (!check.ok) throw new Error(check.errors.map((e) => `${e.pointer} ${e.message}`).join('; '));
        console.log(JSON.stringify(await users.create(input)));
        break;
      }
      case 'password':
        console.log(JSON.stringify(await users.update(username, { password: await password(values['password-stdin']) })));
        break;
      case 'disable':
      case 'enable':
        console.log(JSON.stringify(await users.update(username, { disabled: command === 'disable' })));
        break;
      case 'list':
        for (const u of await users.list()) console.log(`${u.username}\t${u.roles.join(',')}\t${u.disabled ? 'disabled' : 'enabled'}\t${u.displayName}`);
        break;
      default:
        console.error(USAGE);
        process.exitCode = 2;
    }
  } finally {
    await nats.nc.close();
  }
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  console.error(`${e.code ?? 'error'}: ${e.message ?? String(err)}`);
  process.exit(1);
});
