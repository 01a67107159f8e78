import { SERVICE_ERROR_CODES } from '@tareks/schemas';
import { IngestError } from '../ingest/ingest-error.js';

export const AUTHORIZATION_ERROR_CODES = {
  /** The requestId was already used by a different (authenticated) request. */
  conflict: 'HUB_ERR_AUTHZ_REQUEST_CONFLICT',
  notFound: SERVICE_ERROR_CODES.notFound,
  /** A review was asked for a request that is not (or no longer) in MANUAL_REVIEW. */
  notInReview: 'HUB_ERR_AUTHZ_NOT_IN_REVIEW',
} as const;

export const requestConflict = (requestId: string): IngestError =>
  new IngestError(AUTHORIZATION_ERROR_CODES.conflict, `Başvuru numarası başka bir başvuruda kullanılmış / requestId ${requestId} belongs to a different request`, 409);

export const authorizationNotFound = (requestId: string): IngestError =>
  new IngestError(AUTHORIZATION_ERROR_CODES.notFound, `Yetki başvurusu bulunamadı / authorization ${requestId} not found`, 404);

export const notInReview = (requestId: string, status: string): IngestError =>
  new IngestError(AUTHORIZATION_ERROR_CODES.notInReview, `Yetki başvurusu elle incelemede değil / authorization ${requestId} is ${status}, not in manual review`, 409);
