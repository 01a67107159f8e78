import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import { principalOf, type SessionManager } from './session.manager.js';
import { mayEmit, roleRoom } from './socket-policy.js';

export interface SocketAuthOptions {
  /** How often connected sockets are checked against their session (logout, expiry, role change) in ms. Default 30 s. */
  readonly recheckEveryMs?: number;
}

interface SocketData {
  principal: Principal;
  cookie: string | undefined;
}

const refusal = (code: string, message: string): Error => Object.assign(new Error(message), { data: { code } });

/**
 * Socket.io sign-in with the dashboard session: the handshake carries the same cookie, a socket without a valid session
 * is refused, and an accepted one joins `role:<role>` rooms and `user:<name>`. Every client event is checked against
 * CLIENT_EVENT_ROLES, and sockets whose session ended are disconnected. Returns a stop function.
 * Call it right after creating the Server, before any connection can arrive.
 */
export function authorizeSockets(io: Server, sessions: SessionManager, logger: Logger, options: SocketAuthOptions = {}): () => void {
  io.use((socket, next) => {
    const cookie = socket.request.headers.cookie;
    sessions
      .resolve(cookie)
      .then((session) => {
        if (!session) return next(refusal('HUB_ERR_UNAUTHENTICATED', 'sign in first'));
        const data = socket.data as SocketData;
        data.principal = principalOf(session);
        data.cookie = cookie;
        void socket.join([...session.user.roles.map(roleRoom), `user:${session.user.username}`]);
        next();
      })
      .catch((err: unknown) => {
        logger.warn({ err }, 'socket session check failed');
        next(refusal('HUB_ERR_UNAVAILABLE', 'session check failed'));
      });
  });

  io.on('connection', (socket: Socket) => {
    socket.use(([event], next) => {
      const { principal } = socket.data as SocketData;
      if (mayEmit(principal.roles, event)) return next();
      next(refusal('HUB_ERR_ROLE_DENIED', `event ${event} not allowed for your roles`));
    });
    socket.on('error', (err) => logger.info({ user: (socket.data as SocketData).principal.id, err: err.message }, 'socket event refused'));
  });

  const timer = setInterval(() => void recheck(io, sessions, logger), options.recheckEveryMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Drops sockets whose session is gone and re-seats role rooms when an admin changed the user's roles. */
async function recheck(io: Server, sessions: SessionManager, logger: Logger): Promise<void> {
  for (const socket of [...io.of('/').sockets.values()]) {
    const data = socket.data as SocketData;
    try {
      const session = await sessions.resolve(data.cookie);
      if (!session) {
        socket.disconnect(true);
        continue;
      }
      const next = principalOf(session);
      if (next.roles.join() !== data.principal.roles.join()) {
        for (const role of data.principal.roles) void socket.leave(roleRoom(role));
        void socket.join(next.roles.map(roleRoom));
        data.principal = next;
      }
    } catch (err) {
      logger.warn({ err }, 'socket session recheck failed');
    }
  }
}
