import type { ClientToServerEvents, ServerToClientEvents } from '@tareks/schemas';
import type { Role } from '../auth/principal.js';

/** Room every socket of a role joins; server events go to the rooms of the roles allowed to see them. */
export const roleRoom = (role: Role): string => `role:${role}`;

/** Who may receive each server→client event. */
export const SERVER_EVENT_ROLES: Record<keyof ServerToClientEvents, readonly Role[]> = {
  'decision.v1': ['operator', 'inspector', 'analyst', 'admin'],
  'metrics.v1': ['operator', 'admin'],
};

/** Who may send each client→server event; an event not listed here is refused. */
export const CLIENT_EVENT_ROLES: Record<keyof ClientToServerEvents, readonly Role[]> = {
  'subscribe.v1': ['operator', 'inspector', 'analyst', 'admin'],
};

/** The rooms to emit a server event to: `io.to(roomsFor('metrics.v1')).emit('metrics.v1', …)`. */
export const roomsFor = (event: keyof ServerToClientEvents): string[] => SERVER_EVENT_ROLES[event].map(roleRoom);

export function mayEmit(roles: readonly Role[], event: string): boolean {
  const allowed = (CLIENT_EVENT_ROLES as Record<string, readonly Role[] | undefined>)[event];
  return !!allowed && roles.some((r) => allowed.includes(r));
}
