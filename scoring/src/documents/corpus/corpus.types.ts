import type { Declaration, DocumentType, Unit } from '@tareks/schemas';

export interface PartyTruth {
  readonly name: string;
  readonly vkn?: string;
  readonly address: string;
}

export interface InvoiceLineTruth {
  readonly lineNo: number;
  readonly description: string;
  readonly quantity: number;
  readonly unit: Unit;
  readonly unitPrice: number;
  readonly amount: number;
  readonly gtip: string;
  readonly model: string;
  /** The declaration item this line belongs to, null for a line nobody declared. */
  readonly itemNo: number | null;
}

export const INVOICE_LAYOUTS = ['e-fatura', 'e-arsiv', 'commercial'] as const;
export type InvoiceLayout = (typeof INVOICE_LAYOUTS)[number];

export interface InvoiceTruth {
  readonly layout: InvoiceLayout;
  readonly invoiceNo: string;
  readonly issueDate: string;
  readonly seller: PartyTruth;
  readonly buyer: PartyTruth;
  readonly currency: string;
  readonly subtotal: number;
  readonly vatRate: number;
  readonly vat: number;
  readonly total: number;
  readonly lines: readonly InvoiceLineTruth[];
}

export interface CertificateTruth {
  readonly kind: 'CERTIFICATE_OF_CONFORMITY' | 'TEST_REPORT';
  readonly number: string;
  readonly issueDate: string;
  readonly issuer: string;
  readonly notifiedBody?: string;
  readonly holder: string;
  readonly product: string;
  readonly models: readonly string[];
  readonly standards: readonly string[];
  readonly gtip: string;
  readonly ceMarking: boolean;
  readonly itemNos: readonly number[];
}

/** How a page was made to look scanned. */
export interface Degradation {
  readonly angleDeg: number;
  readonly blurSigma: number;
  readonly noise: number;
  readonly jpegQuality: number;
}

export interface CorpusDocument {
  /** Path relative to the corpus folder. */
  readonly file: string;
  readonly mediaType: 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';
  readonly type: DocumentType;
  /** Scans carry no text layer: they need OCR. */
  readonly scanned: boolean;
  readonly degradation?: Degradation;
  /** Every string drawn on the pages: the reference of the character error rate. */
  readonly truthText: readonly string[];
  readonly invoice?: InvoiceTruth;
  readonly certificate?: CertificateTruth;
}

/** What the matching should report for the case. */
export interface ExpectedFindings {
  readonly undervaluedItemNos: readonly number[];
  readonly quantityMismatchItemNos: readonly number[];
  readonly undeclaredLineNos: readonly number[];
}

export interface CorpusCase {
  readonly id: string;
  readonly declaration: Declaration;
  readonly documents: readonly CorpusDocument[];
  readonly expected: ExpectedFindings;
}

export interface CorpusManifest {
  readonly seed: number;
  readonly generatedAt: string;
  readonly cases: readonly CorpusCase[];
}
