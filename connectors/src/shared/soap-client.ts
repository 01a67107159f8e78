import { createClientAsync, type Client } from 'soap';

export interface SoapClientOptions {
  /** WSDL file (from `wsdlDir` of @tareks/schemas): the contract is read locally, never fetched. */
  readonly wsdlPath: string;
  /** Endpoint that implements the contract (`*_URL`). */
  readonly endpoint: string;
  readonly soap12?: boolean;
}

/** A node-soap client bound to a local WSDL and an endpoint; callers pick the port and operation. */
export async function createSoapClient(opts: SoapClientOptions): Promise<Client> {
  return createClientAsync(opts.wsdlPath, {
    endpoint: opts.endpoint,
    forceSoap12Headers: opts.soap12 ?? false,
  });
}

/** Axios-level fields of node-soap errors that the mapping functions read. */
export interface SoapCallError {
  readonly code?: string;
  readonly response?: { readonly status?: number };
  readonly root?: { readonly Envelope?: { readonly Body?: { readonly Fault?: Record<string, unknown> } } };
  readonly body?: unknown;
  readonly message?: string;
}
