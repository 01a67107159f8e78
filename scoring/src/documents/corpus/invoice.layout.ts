import { PdfCanvas } from './pdf-canvas.js';
import type { InvoiceTruth } from './corpus.types.js';
import type { Rng } from '../../world/rng.js';
import { TAX_OFFICES } from './corpus.material.js';

const tr = new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const en = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const trInt = new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 2 });
const enInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const UNIT_TR: Record<string, string> = { ADET: 'Adet', KG: 'Kg', CIFT: 'Çift', M2: 'm²', LT: 'Lt' };
const UNIT_EN: Record<string, string> = { ADET: 'PCS', KG: 'KG', CIFT: 'PAIRS', M2: 'M2', LT: 'LT' };

const trDate = (iso: string, sep: string): string => iso.split('-').reverse().join(sep);
const dottedGtip = (g: string): string => `${g.slice(0, 4)}.${g.slice(4, 6)}.${g.slice(6, 8)}.${g.slice(8, 10)}.${g.slice(10, 12)}`;

interface Column {
  readonly title: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

function table(c: PdfCanvas, top: number, columns: readonly Column[], rows: readonly (readonly string[])[]): number {
  const left = 30;
  const rowH = 18;
  let x = left;
  c.rect(left, top, 535, rowH, '#e6e6e6');
  for (const col of columns) {
    c.text(col.title, x + 2, top + 5, { size: 7, bold: true, width: col.width - 4, align: col.align });
    x += col.width;
  }
  let y = top + rowH;
  for (const row of rows) {
    x = left;
    row.forEach((cell, i) => {
      const col = columns[i]!;
      c.text(cell, x + 2, y + 5, { size: 8, width: col.width - 4, align: col.align });
      x += col.width;
    });
    y += rowH;
    c.hline(left, left + 535, y);
  }
  c.rect(left, top, 535, y - top);
  return y;
}

function partyBlock(c: PdfCanvas, x: number, y: number, name: string, address: string, vkn: string | undefined, taxOffice: string): void {
  c.text(name, x, y, { size: 9, bold: true });
  c.text(address, x, y + 14, { size: 7.5 });
  if (vkn) c.text(`Vergi Dairesi: ${taxOffice}   VKN: ${vkn}`, x, y + 26, { size: 7.5 });
}

function eFatura(c: PdfCanvas, inv: InvoiceTruth, rng: Rng, archive: boolean): void {
  const office = rng.pick(TAX_OFFICES);
  partyBlock(c, 30, 40, inv.seller.name, inv.seller.address, inv.seller.vkn, office);
  c.text(`Tel: 0212 ${rng.digits(3, true)} ${rng.digits(2)} ${rng.digits(2)}   Mersis No: 0${rng.digits(15)}`, 30, 78, { size: 7.5 });
  c.text(archive ? 'e-Arşiv Fatura' : 'e-FATURA', 400, 40, { size: 16, bold: true });
  c.hline(30, 565, 100);
  c.text(archive ? 'Alıcı' : 'SAYIN', 30, 112, { size: 9, bold: true });
  partyBlock(c, 30, 126, inv.buyer.name, inv.buyer.address, inv.buyer.vkn, rng.pick(TAX_OFFICES));
  const info: [string, string][] = archive
    ? [['Fatura Numarası', inv.invoiceNo], ['Düzenlenme Tarihi', trDate(inv.issueDate, '/')], ['Fatura Tipi', 'SATIŞ'], ['Para Birimi', inv.currency]]
    : [['Özelleştirme No', 'TR1.2'], ['Senaryo', 'TEMELFATURA'], ['Fatura Tipi', 'SATIŞ'], ['Fatura No', inv.invoiceNo], ['Fatura Tarihi', trDate(inv.issueDate, '.')], ['Döviz Cinsi', inv.currency]];
  info.forEach(([k, v], i) => c.text(`${k}: ${v}`, 360, 112 + i * 13, { size: 8 }));
  const uuid = `${rng.digits(8)}-${rng.digits(4)}-4${rng.digits(3)}-a${rng.digits(3)}-${rng.digits(12)}`;
  c.text(`ETTN: ${uuid}`, 30, 200, { size: 7.5 });
  const unitPriceFmt = (n: number): string => tr.format(n);
  const rows = inv.lines.map((l) => archive
    ? [String(l.lineNo), `${l.description} ${l.model}`, l.gtip, trInt.format(l.quantity), UNIT_TR[l.unit]!, unitPriceFmt(l.unitPrice), tr.format(l.amount)]
    : [String(l.lineNo), dottedGtip(l.gtip), `${l.description} ${l.model}`, `${trInt.format(l.quantity)} ${UNIT_TR[l.unit]}`, unitPriceFmt(l.unitPrice), `%${inv.vatRate}`, tr.format((l.amount * inv.vatRate) / 100), tr.format(l.amount)]);
  const columns: Column[] = archive
    ? [{ title: 'No', width: 25 }, { title: 'Açıklama', width: 190 }, { title: 'GTİP No', width: 70 }, { title: 'Miktar', width: 55, align: 'right' }, { title: 'Birim', width: 40 }, { title: 'Birim Fiyat', width: 70, align: 'right' }, { title: 'Tutar', width: 85, align: 'right' }]
    : [{ title: 'Sıra', width: 25 }, { title: 'GTİP', width: 78 }, { title: 'Mal Hizmet', width: 162 }, { title: 'Miktar', width: 60, align: 'right' }, { title: 'Birim Fiyat', width: 60, align: 'right' }, { title: 'KDV', width: 30, align: 'right' }, { title: 'KDV Tutarı', width: 55, align: 'right' }, { title: 'Tutar', width: 65, align: 'right' }];
  const end = table(c, 220, columns, rows);
  const totals: [string, number][] = archive
    ? [['Ara Toplam', inv.subtotal], [`KDV (%${inv.vatRate})`, inv.vat], ['Genel Toplam', inv.total]]
    : [['Mal Hizmet Toplam Tutarı', inv.subtotal], [`Hesaplanan KDV (%${inv.vatRate})`, inv.vat], ['Vergiler Dahil Toplam Tutar', inv.total], ['Ödenecek Tutar', inv.total]];
  totals.forEach(([k, v], i) => c.text(`${k}: ${tr.format(v)} ${inv.currency}`, 300, end + 16 + i * 14, { size: 8.5, bold: i === totals.length - 1, width: 265, align: 'right' }));
  c.text('Bu fatura 213 sayılı VUK ve 509 sıra no.lu Genel Tebliğ uyarınca elektronik ortamda düzenlenmiştir.', 30, 790, { size: 7 });
}

function commercial(c: PdfCanvas, inv: InvoiceTruth, rng: Rng): void {
  c.text('COMMERCIAL INVOICE / TİCARİ FATURA', 30, 40, { size: 15, bold: true });
  c.text(`Invoice No / Fatura No: ${inv.invoiceNo}`, 330, 80, { size: 8.5 });
  c.text(`Date / Tarih: ${trDate(inv.issueDate, '.')}`, 330, 94, { size: 8.5 });
  c.text(`Currency / Döviz: ${inv.currency}`, 330, 108, { size: 8.5 });
  c.text(`Incoterms: ${rng.pick(['FOB Shanghai', 'CIF Mersin', 'EXW Stuttgart', 'CFR Ambarlı'])}`, 330, 122, { size: 8.5 });
  c.text('Seller / Satıcı:', 30, 80, { size: 8, bold: true });
  c.text(inv.seller.name, 30, 93, { size: 9, bold: true });
  c.text(inv.seller.address, 30, 106, { size: 7.5 });
  c.text('Buyer / Alıcı:', 30, 130, { size: 8, bold: true });
  c.text(inv.buyer.name, 30, 143, { size: 9, bold: true });
  c.text(inv.buyer.address, 30, 156, { size: 7.5 });
  c.text(`Tax No / VKN: ${inv.buyer.vkn}`, 30, 168, { size: 7.5 });
  const columns: Column[] = [{ title: 'No', width: 25 }, { title: 'Description / Tanım', width: 160 }, { title: 'HS Code / GTİP', width: 90 }, { title: 'Qty / Miktar', width: 60, align: 'right' }, { title: 'Unit', width: 40 }, { title: 'Unit Price', width: 70, align: 'right' }, { title: 'Amount', width: 90, align: 'right' }];
  const rows = inv.lines.map((l) => [String(l.lineNo), `${l.description} ${l.model}`, rng.bool(0.5) ? dottedGtip(l.gtip) : l.gtip, enInt.format(l.quantity), UNIT_EN[l.unit]!, en.format(l.unitPrice), en.format(l.amount)]);
  const end = table(c, 200, columns, rows);
  c.text(`TOTAL ${inv.currency}: ${en.format(inv.total)}`, 300, end + 16, { size: 9, bold: true, width: 265, align: 'right' });
  c.text('We hereby certify that this invoice is true and correct. / Bu faturanın doğru olduğunu beyan ederiz.', 30, 780, { size: 7 });
}

/** Draws an invoice in one of the layouts: e-Fatura, e-Arşiv (Turkish number format) or a bilingual commercial invoice. */
export async function renderInvoice(inv: InvoiceTruth, rng: Rng): Promise<{ bytes: Buffer; segments: string[] }> {
  const c = new PdfCanvas();
  if (inv.layout === 'commercial') commercial(c, inv, rng);
  else eFatura(c, inv, rng, inv.layout === 'e-arsiv');
  const bytes = await c.finish();
  return { bytes, segments: c.segments };
}
