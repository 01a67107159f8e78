import { completeTckn, completeVkn, type Declaration, type Item } from '@tareks/schemas';
import { PRODUCTS, type Product } from '../../world/catalogue.js';
import type { Rng } from '../../world/rng.js';
import type { CertificateTruth, ExpectedFindings, InvoiceLayout, InvoiceLineTruth, InvoiceTruth, PartyTruth } from './corpus.types.js';
import {
  FOREIGN_ADDRESSES, FOREIGN_FIRMS, INVOICE_WORDING, LABORATORIES, NOTIFIED_BODIES, TR_ADDRESSES, TR_FIRM_FORMS, TR_FIRM_SECTORS, TR_FIRM_WORDS,
} from './corpus.material.js';

const TRADED = PRODUCTS.filter((p) => p.domain === 'PRODUCT_SAFETY' && INVOICE_WORDING[p.gtip] !== undefined);
const round2 = (n: number): number => Math.round(n * 100) / 100;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

export interface CaseTruth {
  readonly declaration: Declaration;
  readonly invoice: InvoiceTruth;
  readonly certificates: readonly CertificateTruth[];
  readonly expected: ExpectedFindings;
}

function turkishFirm(rng: Rng): PartyTruth {
  const name = `${rng.pick(TR_FIRM_WORDS)} ${rng.pick(TR_FIRM_SECTORS)} ${rng.pick(TR_FIRM_FORMS)}`;
  return { name, vkn: completeVkn(rng.digits(9, true)), address: rng.pick(TR_ADDRESSES) };
}

const modelCode = (rng: Rng): string =>
  `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}-${rng.digits(4, true)}`;

function quantityFor(rng: Rng, p: Product): number {
  const big = p.kgPerUnit < 0.5;
  return rng.int(1, big ? 40 : 12) * (big ? 50 : 10);
}

/** Draws one declaration with the invoice and conformity documents that belong to it. */
export function buildCase(rng: Rng, index: number, layout: InvoiceLayout): CaseTruth {
  const buyer = turkishFirm(rng);
  const seller: PartyTruth = layout === 'commercial'
    ? { name: rng.pick(FOREIGN_FIRMS), address: rng.pick(FOREIGN_ADDRESSES) }
    : turkishFirm(rng);
  const currency = layout === 'commercial' ? rng.pick(['USD', 'EUR']) : rng.pick(['TRY', 'USD', 'EUR']);
  const priceFactor = currency === 'TRY' ? 32.5 : currency === 'EUR' ? 0.92 : 1;
  const issued = new Date(Date.UTC(2026, rng.int(0, 10), rng.int(1, 28)));

  const products = rng.shuffle(TRADED).slice(0, rng.int(2, 5));
  if (rng.bool(0.2)) products.push(products[0]!);
  const lines: InvoiceLineTruth[] = products.map((p, i) => {
    const quantity = quantityFor(rng, p);
    const unitPrice = round2(p.usdPerKg * p.kgPerUnit * priceFactor * rng.logNormal(1, 0.25));
    return {
      lineNo: i + 1, description: INVOICE_WORDING[p.gtip]!, quantity, unit: p.unit, unitPrice,
      amount: round2(quantity * unitPrice), gtip: p.gtip, model: modelCode(rng), itemNo: i + 1,
    };
  });
  const undeclared = rng.bool(0.15);
  if (undeclared) {
    const p = rng.pick(TRADED);
    const quantity = quantityFor(rng, p);
    const unitPrice = round2(p.usdPerKg * p.kgPerUnit * priceFactor);
    lines.push({ lineNo: lines.length + 1, description: INVOICE_WORDING[p.gtip]!, quantity, unit: p.unit, unitPrice, amount: round2(quantity * unitPrice), gtip: p.gtip, model: modelCode(rng), itemNo: null });
  }
  const subtotal = round2(lines.reduce((a, l) => a + l.amount, 0));
  const vatRate = layout === 'commercial' ? 0 : 20;
  const vat = round2((subtotal * vatRate) / 100);
  const prefix = `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`;
  const invoice: InvoiceTruth = {
    layout, invoiceNo: `${prefix}${issued.getUTCFullYear()}${rng.digits(9)}`, issueDate: isoDate(issued), seller, buyer, currency,
    subtotal, vatRate, vat, total: round2(subtotal + vat), lines,
  };

  const undervalued: number[] = [];
  const quantityOff: number[] = [];
  const items: Item[] = lines.filter((l) => l.itemNo !== null).map((l, i) => {
    const p = products[i]!;
    let amount = l.amount;
    let quantity = l.quantity;
    if (rng.bool(0.12)) {
      amount = round2(amount * 0.55);
      undervalued.push(l.itemNo!);
    } else if (rng.bool(0.08)) {
      quantity = quantity * 2;
      quantityOff.push(l.itemNo!);
    }
    return {
      itemNo: l.itemNo!, gtip: p.gtip, description: p.description, originCountry: rng.pick(p.origins), quantity, unit: p.unit,
      netMassKg: round2(quantity * p.kgPerUnit), value: { amount, currency }, model: l.model,
    };
  });

  const certificates: CertificateTruth[] = [];
  for (const item of items) {
    const p = products[item.itemNo - 1]!;
    if (!p.ceRequired) continue;
    const testReport = rng.bool(0.35);
    const body = rng.pick(NOTIFIED_BODIES);
    const lab = rng.pick(LABORATORIES);
    const year = issued.getUTCFullYear() - rng.int(0, 2);
    const cert: CertificateTruth = {
      kind: testReport ? 'TEST_REPORT' : 'CERTIFICATE_OF_CONFORMITY',
      number: testReport ? `${lab.prefix}-${year}-${rng.digits(5, true)}` : `TR-${body.number}-${String(year).slice(2)}-${rng.digits(5, true)}`,
      issueDate: isoDate(new Date(Date.UTC(year, rng.int(0, 11), rng.int(1, 28)))),
      issuer: testReport ? lab.name : body.name,
      notifiedBody: testReport ? undefined : body.number,
      holder: seller.name,
      product: p.description,
      models: [item.model!],
      standards: p.standards.slice(0, rng.int(1, p.standards.length)),
      gtip: p.gtip,
      ceMarking: true,
      itemNos: [item.itemNo],
    };
    certificates.push(cert);
    item.conformity = { ceMarked: true, standards: [...cert.standards], certificateNo: cert.number };
  }

  const declaration: Declaration = {
    id: `26341300IM${String(100000 + index).slice(-6)}`,
    version: 1,
    kind: 'IMPORT',
    domain: 'PRODUCT_SAFETY',
    customsOffice: '341300',
    submittedAt: new Date(issued.getTime() + 5 * 86_400_000).toISOString(),
    trader: { taxId: buyer.vkn!, name: buyer.name },
    representative: { tckn: completeTckn(rng.digits(9, true)), firstName: 'Ayşe', lastName: 'Yılmaz', birthYear: 1985 },
    items,
    documents: [],
  };
  return {
    declaration, invoice, certificates,
    expected: { undervaluedItemNos: undervalued, quantityMismatchItemNos: quantityOff, undeclaredLineNos: undeclared ? [lines.length] : [] },
  };
}
