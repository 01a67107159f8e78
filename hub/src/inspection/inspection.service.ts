import type { KV } from '@nats-io/kv';
import { isDocumentError, matchDocuments } from '@tareks/scoring';
import {
  INSPECTION_ERROR_CODES as E,
  type Decision, type DocumentExtraction, type InspectionDocument, type InspectionView, type ReceivedDeclaration, type RecordedResult,
} from '@tareks/schemas';
import type { Principal } from '../auth/principal.js';
import type { DocumentStore } from '../documents/document.store.js';
import type { ExtractionStore } from '../documents/extraction.store.js';
import type { PageRenderer } from '../documents/page-renderer.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import { outcomeKey } from '../outcomes/outcome-keys.js';
import type { DeclarationArchive } from './declaration-archive.js';
import { InspectionError } from './inspection.errors.js';

export interface InspectionServiceDeps {
  readonly states: Pick<DeclarationStateStore, 'get'>;
  readonly archive: Pick<DeclarationArchive, 'get'>;
  readonly extractions: Pick<ExtractionStore, 'get'>;
  readonly documents: Pick<DocumentStore, 'bytes'>;
  /** The outcomes KV (`<id>.<version>.<itemNo>` → result), written by the outcome projector. */
  readonly recorded: KV;
  readonly renderer: PageRenderer;
}

const INSPECTION_LANES = new Set(['YELLOW', 'RED']);

const isRecorded = (v: string): v is RecordedResult['result'] => v === 'COMPLIANT' || v === 'NON_COMPLIANT';

interface Decided {
  readonly received: ReceivedDeclaration;
  readonly decision: Decision;
}

/**
 * What the inspector screen reads of one declaration version: the declaration as received, its decision with the
 * reasons, each document with what OCR read from it, and the item ↔ invoice matching recomputed from the stored
 * extractions with the score worker's own `matchDocuments` (pure, milliseconds), so it always agrees with the code
 * that decided. Inspectors see declarations routed to inspection; admins any decided one.
 */
export class InspectionService {
  constructor(private readonly d: InspectionServiceDeps) {}

  async view(id: string, version: number, caller: Principal): Promise<InspectionView> {
    const { received, decision } = await this.decided(id, version, caller);
    const { declaration } = received;
    const shas = [...new Set(declaration.documents.map((doc) => doc.sha256))];
    const read = new Map<string, DocumentExtraction>();
    await Promise.all(shas.map(async (sha) => {
      const x = await this.d.extractions.get(sha);
      if (x) read.set(sha, x);
    }));
    const documents: InspectionDocument[] = declaration.documents.map((ref) => {
      const x = read.get(ref.sha256);
      return { ref, status: !x ? 'NOT_READ' : x.status === 'OK' ? 'READ' : 'UNREADABLE', pageCount: x?.pages.length ?? 0, ...(x ? { extraction: x } : {}) };
    });
    const findings = shas.length ? matchDocuments(declaration, [...read.values()], { timedOut: shas.filter((sha) => !read.has(sha)) }) : undefined;
    const results = await Promise.all(decision.items.map(async (item): Promise<RecordedResult | null> => {
      const e = await this.d.recorded.get(outcomeKey({ declarationId: id, version, itemNo: item.itemNo }));
      const result = e && e.operation === 'PUT' ? e.string() : '';
      return isRecorded(result) ? { itemNo: item.itemNo, result } : null;
    }));
    return {
      declaration,
      receivedAt: received.receivedAt,
      decision,
      documents,
      ...(findings ? { findings } : {}),
      outcomes: results.filter((r): r is RecordedResult => r !== null),
      inspectionItems: decision.items.filter((i) => INSPECTION_LANES.has(i.lane)).map((i) => i.itemNo),
    };
  }

  /** Page `pageNo` of a document attached to the declaration, as PNG. */
  async page(sha256: string, pageNo: number, id: string, version: number, caller: Principal): Promise<Buffer> {
    const { received } = await this.decided(id, version, caller);
    const ref = received.declaration.documents.find((doc) => doc.sha256 === sha256);
    if (!ref) throw new InspectionError(E.documentNotAttached, `document ${sha256} is not attached to ${id} version ${version}`, 404);
    const extraction = await this.d.extractions.get(sha256);
    if (extraction?.status === 'OK' && pageNo > extraction.pages.length) {
      throw new InspectionError(E.pageNotFound, `the document has ${extraction.pages.length} page(s)`, 404);
    }
    const bytes = await this.d.documents.bytes(sha256).catch((err: unknown) => {
      if (isDocumentError(err)) throw new InspectionError(E.notFound, `document ${sha256} is not in the store`, 404);
      throw err;
    });
    return this.d.renderer.render(bytes, ref.mediaType, pageNo);
  }

  /** The declaration version with its decision, when the caller may inspect it. */
  private async decided(id: string, version: number, caller: Principal): Promise<Decided> {
    const state = await this.d.states.get(id);
    const decision = state?.decision;
    if (!state || !decision || decision.version !== version) {
      const why = state && state.version > version ? `superseded by version ${state.version}` : 'not decided';
      throw new InspectionError(E.notFound, `${id} version ${version}: ${why}`, 404);
    }
    if (!caller.roles.includes('admin') && !decision.items.some((i) => INSPECTION_LANES.has(i.lane))) {
      throw new InspectionError(E.notRouted, `${id} version ${version} was not routed to inspection`, 404);
    }
    const received = await this.d.archive.get(id, version);
    if (!received) throw new InspectionError(E.notFound, `${id} version ${version}: the declaration itself is not on record`, 404);
    return { received, decision };
  }
}
