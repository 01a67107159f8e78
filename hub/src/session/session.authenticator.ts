import { CSRF_HEADER } from '@tareks/schemas';
import type { Authenticator } from '../auth/principal.js';
import type { SessionManager } from './session.manager.js';
import { principalOf } from './session.manager.js';
import { SESSION_ERROR_CODES, SessionError } from './session.errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Recognises a dashboard user by the session cookie. On POST/PUT/PATCH/DELETE a session without the matching
 * `x-csrf-token` header is refused with a thrown 403 SessionError (HUB_ERR_CSRF_INVALID), so no mutation route can forget it.
 */
export function createSessionAuthenticator(sessions: SessionManager): Authenticator {
  return async (request) => {
    const session = await sessions.resolve(request.headers.cookie);
    if (!session) return null;
    if (!SAFE_METHODS.has(request.method) && !sessions.csrfMatches(session, request.headers[CSRF_HEADER])) {
      throw new SessionError(SESSION_ERROR_CODES.csrf, `state-changing requests need the session's ${CSRF_HEADER} header`);
    }
    return principalOf(session);
  };
}
