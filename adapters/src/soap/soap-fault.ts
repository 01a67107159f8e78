import { INPUT_ERROR_CODES, SERVICE_ERROR_CODES, type ErrorDetail } from '@tareks/schemas';
import { IngestError } from '../ingest/ingest-error.js';

/**
 * Which side is at fault, as SOAP 1.1 fault codes: `Client` (the request is wrong), `Server` (we failed),
 * `Server.Busy` (back-pressure: retry later), plus the two envelope-level codes of the SOAP specification.
 */
export type FaultKind = 'Client' | 'Server' | 'Server.Busy' | 'MustUnderstand' | 'VersionMismatch';

/** An error the SOAP edge answers with a Fault: a stable code (`HUB_ERR_…`), the side at fault and per-element details. */
export class SoapFault extends Error {
  override readonly name = 'SoapFault';
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: string,
    message: string,
    readonly kind: FaultKind,
    readonly details: readonly ErrorDetail[] = [],
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get retryable(): boolean {
    return this.kind === 'Server.Busy' || this.code === SERVICE_ERROR_CODES.unavailable;
  }
}

/** A fault for input that breaks the contract; the first detail's code is the most precise top-level code. */
export function invalidInput(details: readonly ErrorDetail[]): SoapFault {
  const code = details[0]?.code ?? INPUT_ERROR_CODES.format;
  return new SoapFault(code, `Geçersiz istek / Invalid request: ${details.map((d) => `${d.pointer}: ${d.message}`).join('; ')}`, 'Client', details);
}

function kindOfStatus(httpStatus: number): FaultKind {
  if (httpStatus === 503 || httpStatus === 429) return 'Server.Busy';
  return httpStatus < 500 ? 'Client' : 'Server';
}

/** Every error that ends a SOAP request becomes one fault; unknown errors never leak their text. */
export function toSoapFault(err: unknown): SoapFault {
  if (err instanceof SoapFault) return err;
  if (err instanceof IngestError) {
    return new SoapFault(err.code, err.message, kindOfStatus(err.httpStatus), err.details, { cause: err, retryAfterSeconds: err.retryAfterSeconds });
  }
  return new SoapFault(SERVICE_ERROR_CODES.internal, 'İç hata / Internal error', 'Server', [], { cause: err });
}
