import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import pino from 'pino';
import { validateDeclaration, type DocumentExtraction, type DocumentFindings } from '@tareks/schemas';
import { createOcrPool, type OcrModel } from '../documents/ocr/ocr.pool.js';
import { readDocument, unreadableExtraction } from '../documents/read-document.js';
import { isDocumentError } from '../documents/document.error.js';
import { matchDocuments } from '../documents/match/match-documents.js';

const USAGE = `Kullanım / usage: npm run ocr -- FILE [FILE…] [--declaration decl.json] [--json] [--model best|fast] [--workers N]
  Belgeyi okur (PDF metin katmanı veya OCR), alanları çıkarır; beyanname verilirse kalem kalem eşleştirir.
  Reads the document (PDF text layer or OCR), extracts fields; with a declaration, matches it item by item.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    declaration: { type: 'string' },
    json: { type: 'boolean', default: false },
    model: { type: 'string', default: 'best' },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(positionals.length === 0 && !values.help ? 2 : 0);
}

const f = (v: { value: unknown; confidence: number } | undefined): string => (v ? `${String(v.value)}  (${(v.confidence * 100).toFixed(0)} %)` : '—');

function printExtraction(file: string, x: DocumentExtraction): void {
  console.log(`\n== ${file} — ${x.mediaType}, ${x.detectedType}, ${x.status}${x.error ? ` ${x.error.code}: ${x.error.message}` : ''}`);
  for (const p of x.pages) console.log(`   sayfa/page ${p.pageNo}: ${p.source}, güven/confidence ${(p.confidence * 100).toFixed(1)} %, ${Math.round(p.ms)} ms`);
  if (x.invoice) {
    const i = x.invoice;
    const t = new Table();
    t.push(
      { 'Fatura No / Invoice no': f(i.invoiceNo) }, { 'Tarih / Date': f(i.issueDate) }, { 'Döviz / Currency': f(i.currency) },
      { 'Satıcı / Seller': `${f(i.seller.name)}  VKN ${f(i.seller.vkn)}${i.seller.vkn?.valid === false ? ' GEÇERSİZ/INVALID' : ''}` },
      { 'Alıcı / Buyer': `${f(i.buyer.name)}  VKN ${f(i.buyer.vkn)}${i.buyer.vkn?.valid === false ? ' GEÇERSİZ/INVALID' : ''}` },
      { 'Ara toplam / Subtotal': f(i.subtotal) }, { 'KDV / VAT': f(i.vat) }, { 'Toplam / Total': f(i.total) },
    );
    console.log(t.toString());
    const lines = new Table({ head: ['#', 'Tanım / Description', 'GTİP', 'Miktar', 'Birim', 'B. Fiyat', 'Tutar', 'Güven'] });
    for (const l of i.lines) lines.push([l.lineNo, l.description, l.gtip ?? '—', l.quantity ?? '—', l.unit ?? '—', l.unitPrice ?? '—', l.amount ?? '—', `${(l.confidence * 100).toFixed(0)} %`]);
    console.log(lines.toString());
  }
  if (x.certificate) {
    const c = x.certificate;
    const t = new Table();
    t.push({ 'Tür / Kind': c.kind }, { 'Belge No / Number': f(c.number) }, { 'Tarih / Date': f(c.issueDate) }, { 'Düzenleyen / Issuer': f(c.issuer) },
      { 'Sahibi / Holder': f(c.holder) }, { 'Ürün / Product': f(c.product) }, { 'Sonuç / Result': f(c.result) });
    console.log(t.toString());
  }
  const r = x.references;
  console.log(`   GTİP: ${r.gtipCodes.map((g) => g.value).join(', ') || '—'} | CE: ${r.ceMarking.value ? 'var/yes' : 'yok/no'} | standartlar/standards: ${r.standards.map((s) => s.value).join(', ') || '—'}`);
  console.log(`   belge no/certificates: ${r.certificateNumbers.map((s) => s.value).join(', ') || '—'} | NB: ${r.notifiedBodies.map((s) => s.value).join(', ') || '—'} | model: ${r.modelNumbers.map((s) => s.value).join(', ') || '—'}`);
}

function printFindings(m: DocumentFindings): void {
  console.log(`\n== Eşleştirme / Matching ${m.declarationId} v${m.version}`);
  const t = new Table({ head: ['Kalem/Item', 'Skor', 'Fatura satırı / Line', 'Belge / Certificate', 'Nedenler / Reasons'] });
  for (const i of m.items) {
    t.push([i.itemNo, i.score.toFixed(2), i.line ? `${i.line.lineNo}: ${i.line.description}` : '—',
      i.certificate.required ? (i.certificate.covered ? `✓ ${i.certificate.standards.join(', ')}` : '✗') : 'gerekmez/not required',
      i.reasons.map((r) => r.code).join('\n') || '—']);
  }
  console.log(t.toString());
  console.log(`   kıymet/value: beyan/declared ${m.value.declared} ${m.value.currency}, fatura/invoiced ${m.value.invoiced ?? '—'}${m.value.relativeDiff !== undefined ? ` (${(m.value.relativeDiff * 100).toFixed(1)} %)` : ''}`);
  console.log(`   beyan dışı satırlar/undeclared lines: ${m.unmatchedLines.map((l) => l.lineNo).join(', ') || '—'}`);
  console.log(`   nedenler/reasons: ${m.reasons.map((r) => `${r.code} (${r.text.tr} / ${r.text.en})`).join('; ') || '—'}`);
}

const log = pino({ level: 'warn' });
const pool = await createOcrPool({ model: values.model as OcrModel, size: values.workers ? Number(values.workers) : Math.min(2, positionals.length), logger: log });
try {
  const extractions: DocumentExtraction[] = [];
  for (const file of positionals) {
    const bytes = await readFile(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      extractions.push(await readDocument(bytes, undefined, pool, { sha256 }));
    } catch (err) {
      if (!isDocumentError(err)) throw err;
      extractions.push(unreadableExtraction(err, 'application/octet-stream', sha256));
    }
  }
  let findings: DocumentFindings | undefined;
  if (values.declaration) {
    const checked = validateDeclaration(JSON.parse(await readFile(values.declaration, 'utf8')));
    if (!checked.ok) throw new Error(`declaration invalid: ${JSON.stringify(checked.errors)}`);
    findings = matchDocuments(checked.value, extractions);
  }
  if (values.json) console.log(JSON.stringify({ extractions, findings }, null, 2));
  else {
    extractions.forEach((x, i) => printExtraction(positionals[i]!, x));
    if (findings) printFindings(findings);
  }
} finally {
  await pool.close();
}
