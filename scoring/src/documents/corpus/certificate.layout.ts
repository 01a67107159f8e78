import { PdfCanvas } from './pdf-canvas.js';
import type { CertificateTruth } from './corpus.types.js';

const trDate = (iso: string): string => iso.split('-').reverse().join('.');
const dottedGtip = (g: string): string => `${g.slice(0, 4)}.${g.slice(4, 6)}.${g.slice(6, 8)}.${g.slice(8, 10)}.${g.slice(10, 12)}`;

function conformity(c: PdfCanvas, cert: CertificateTruth): void {
  c.text('AT TİP İNCELEME BELGESİ', 30, 50, { size: 16, bold: true, width: 535, align: 'center' });
  c.text('EC TYPE-EXAMINATION CERTIFICATE', 30, 72, { size: 11, width: 535, align: 'center' });
  c.text(`Belge No / Certificate No: ${cert.number}`, 60, 120, { size: 10, bold: true });
  const rows: [string, string][] = [
    ['Onaylanmış Kuruluş / Notified Body', `${cert.issuer} (NB ${cert.notifiedBody})`],
    ['Belge Sahibi / Holder', cert.holder],
    ['Ürün / Product', cert.product],
    ['Model(ler) / Model(s)', cert.models.join(', ')],
    ['GTİP / HS Code', dottedGtip(cert.gtip)],
    ['Düzenleme Tarihi / Date of issue', trDate(cert.issueDate)],
  ];
  rows.forEach(([k, v], i) => {
    c.text(`${k}:`, 60, 160 + i * 22, { size: 8.5, bold: true });
    c.text(v, 250, 160 + i * 22, { size: 8.5 });
  });
  c.text('Uygulanan standartlar / Standards applied:', 60, 310, { size: 8.5, bold: true });
  cert.standards.forEach((s, i) => c.text(`• ${s}`, 80, 328 + i * 15, { size: 9 }));
  c.text('Yukarıda belirtilen ürün ilgili yönetmeliğin temel gerekliliklerini karşılamaktadır ve CE işareti taşıyabilir.', 60, 460, { size: 8, width: 480 });
  c.text('The product meets the essential requirements and may bear the CE marking.', 60, 484, { size: 8, width: 480 });
  c.text('CE', 440, 560, { size: 48, bold: true });
  c.text(`NB ${cert.notifiedBody}`, 445, 620, { size: 10 });
}

function testReport(c: PdfCanvas, cert: CertificateTruth): void {
  c.text('TEST RAPORU / TEST REPORT', 30, 50, { size: 16, bold: true, width: 535, align: 'center' });
  c.text(cert.issuer, 30, 74, { size: 9, width: 535, align: 'center' });
  c.text(`Rapor No / Report No: ${cert.number}`, 50, 110, { size: 10, bold: true });
  c.text(`Tarih / Date: ${trDate(cert.issueDate)}`, 380, 110, { size: 9 });
  const rows: [string, string][] = [
    ['Başvuru Sahibi / Applicant', cert.holder],
    ['Numune / Sample', cert.product],
    ['Model', cert.models.join(', ')],
    ['GTİP', cert.gtip],
    ['CE İşareti / CE marking', 'Var / Yes'],
  ];
  rows.forEach(([k, v], i) => {
    c.text(`${k}:`, 50, 145 + i * 20, { size: 8.5, bold: true });
    c.text(v, 220, 145 + i * 20, { size: 8.5 });
  });
  c.rect(50, 260, 495, 18, '#e6e6e6');
  c.text('Standart / Standard', 54, 265, { size: 8, bold: true });
  c.text('Sonuç / Result', 430, 265, { size: 8, bold: true });
  cert.standards.forEach((s, i) => {
    c.text(s, 54, 285 + i * 18, { size: 8.5 });
    c.text('UYGUN / PASS', 430, 285 + i * 18, { size: 8.5 });
  });
  const y = 300 + cert.standards.length * 18;
  c.text('Genel Sonuç / Overall result: UYGUN / PASS', 50, y + 10, { size: 9.5, bold: true });
  c.text('Bu rapor yalnızca test edilen numuneler için geçerlidir. / This report applies only to the samples tested.', 50, y + 40, { size: 7.5 });
}

/** Draws a certificate of conformity (notified body, CE) or a laboratory test report. */
export async function renderCertificate(cert: CertificateTruth): Promise<{ bytes: Buffer; segments: string[] }> {
  const c = new PdfCanvas();
  if (cert.kind === 'TEST_REPORT') testReport(c, cert);
  else conformity(c, cert);
  const bytes = await c.finish();
  return { bytes, segments: c.segments };
}
