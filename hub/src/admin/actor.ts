import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '@tareks/schemas';

/** The audited actor of an admin request (set by `requireRole`). */
export function actorOf(req: FastifyRequest): AuditActor {
  const p = req.principal;
  if (!p) throw new Error('admin route reached without a principal');
  return { kind: p.kind, id: p.id };
}
