import { IngestError } from '../../src/ingest/ingest-error.js';
import type { ApiClient, ApiKeyVerifier } from '../../src/auth/api-client.js';
import type { IngestContext, IngestMetrics, IngestService, SubmitResult } from '../../src/ingest/ingest-service.js';
import type { Decision, Declaration, DeclarationState } from '@tareks/schemas';

/** A declaration using every field of the contract, optional ones included. */
export const fullDeclaration = (over: Partial<Declaration> = {}): Declaration => ({
  id: '26341300IM000123',
  version: 2,
  kind: 'IMPORT',
  domain: 'PRODUCT_SAFETY',
  customsOffice: '341300',
  submittedAt: '2026-11-24T10:15:30.123Z',
  trader: { taxId: '4540536920', name: 'Örnek Oyuncak İthalat A.Ş. & <Ortakları>', mersisNo: '0454053692000015', esbisNo: 'ESB12345' },
  representative: { tckn: '17291716060', firstName: 'Ayşe Gül', lastName: 'Çelik', birthYear: 1984 },
  items: [
    {
      itemNo: 1,
      gtip: '950300700000',
      description: 'Plastik oyuncak bebek, 3 yaş üstü',
      originCountry: 'CN',
      quantity: 1200.5,
      unit: 'ADET',
      netMassKg: 0.25,
      value: { amount: 15999.99, currency: 'USD' },
      brand: 'Minik',
      model: 'B-42',
      conformity: { ceMarked: true, standards: ['EN 71-1:2014+A1:2018', 'EN 71-3:2019'], certificateNo: 'CE-2026-0042' },
    },
    {
      itemNo: 2,
      gtip: '640299980000',
      description: 'Spor ayakkabı',
      originCountry: 'VN',
      quantity: 300,
      unit: 'CIFT',
      netMassKg: 180,
      value: { amount: 0, currency: 'EUR' },
      conformity: { ceMarked: false, standards: [] },
    },
  ],
  documents: [
    { type: 'INVOICE', mediaType: 'application/pdf', sha256: 'a'.repeat(64), size: 48213, fileName: 'fatura-2026-0042.pdf' },
    { type: 'CERTIFICATE_OF_CONFORMITY', mediaType: 'image/png', sha256: '0123456789abcdef'.repeat(4), size: 1 },
  ],
  ...over,
});

export const decisionFor = (d: Declaration): Decision => ({
  declarationId: d.id,
  version: d.version,
  customsOffice: d.customsOffice,
  kind: d.kind,
  domain: d.domain,
  lane: 'YELLOW',
  items: d.items.map((item) => ({
    itemNo: item.itemNo,
    score: 0.4375,
    lane: 'YELLOW' as const,
    selectionCause: 'RISK' as const,
    reasons: [{ code: 'ORIGIN_RISK', weight: 0.25, text: { tr: 'Menşe ülke riski', en: 'Origin country risk' } }],
  })),
  modelVersion: 'rules-abc123',
  timings: { receivedAt: '2026-11-24T10:15:31.000Z', decidedAt: '2026-11-24T10:15:31.020Z', enrichMs: 12, scoreMs: 0.5, totalMs: 20 },
});

/** Stands in for the hub: idempotent on id+version, decides at once when the caller waits. */
export class InMemoryIngest implements IngestService {
  readonly states = new Map<string, DeclarationState>();
  readonly receipts = new Map<string, SubmitResult>();
  readonly calls: { declaration: Declaration; ctx: IngestContext; waitMs?: number }[] = [];
  failWith: IngestError | undefined;

  async submit(declaration: Declaration, ctx: IngestContext, waitMs?: number): Promise<SubmitResult> {
    this.calls.push({ declaration, ctx, waitMs });
    if (this.failWith) throw this.failWith;
    const key = `${declaration.id}:${declaration.version}`;
    const seen = this.receipts.get(key);
    if (seen) return { ...seen, receipt: { ...seen.receipt, duplicate: true } };
    const receivedAt = '2026-11-24T10:15:31.000Z';
    const decision = waitMs ? decisionFor(declaration) : undefined;
    const receipt = { id: declaration.id, version: declaration.version, status: decision ? ('DECIDED' as const) : ('RECEIVED' as const), receivedAt, statusUrl: `/api/v1/declarations/${declaration.id}`, duplicate: false };
    const result: SubmitResult = decision ? { receipt, decision } : { receipt };
    this.receipts.set(key, result);
    this.states.set(declaration.id, { id: declaration.id, version: declaration.version, status: receipt.status, receivedAt, updatedAt: receivedAt, ...(decision ? { decision } : {}) });
    return result;
  }

  async status(id: string): Promise<DeclarationState | null> {
    return this.states.get(id) ?? null;
  }
}

export class InMemoryVerifier implements ApiKeyVerifier {
  constructor(private readonly clients: Readonly<Record<string, ApiClient>>) {}
  async verify(apiKey: string): Promise<ApiClient | null> {
    return this.clients[apiKey] ?? null;
  }
}

export class RecordingMetrics implements IngestMetrics {
  readonly rejections: { protocol: string; code: string }[] = [];
  rejected(protocol: 'REST' | 'SOAP', code: string): void {
    this.rejections.push({ protocol, code });
  }
}

export const KEYS = {
  full: 'key-customs-full',
  readOnly: 'key-customs-read',
  writeOnly: 'key-customs-write',
} as const;

export const verifier = (): InMemoryVerifier =>
  new InMemoryVerifier({
    [KEYS.full]: { clientId: 'gtb-customs', scopes: ['declarations:write', 'declarations:read'] },
    [KEYS.readOnly]: { clientId: 'gtb-reader', scopes: ['declarations:read'] },
    [KEYS.writeOnly]: { clientId: 'gtb-writer', scopes: ['declarations:write'] },
  });

export const busy = (): IngestError => new IngestError('HUB_ERR_BUSY', 'Sistem meşgul / Hub busy', 503, [], { retryAfterSeconds: 2 });
