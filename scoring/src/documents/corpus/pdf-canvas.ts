import PDFDocument from 'pdfkit';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
/** DejaVu covers every Turkish letter (İ ı Ş ş Ğ ğ); Debian package fonts-dejavu-core. */
export const FONTS = { regular: `${FONT_DIR}/DejaVuSans.ttf`, bold: `${FONT_DIR}/DejaVuSans-Bold.ttf` } as const;

export interface TextOptions {
  readonly size?: number;
  readonly bold?: boolean;
  readonly width?: number;
  readonly align?: 'left' | 'right' | 'center';
}

/**
 * A4 pdfkit document that remembers every string it draws: those strings are the ground truth the
 * character error rate of OCR is measured against.
 */
export class PdfCanvas {
  readonly segments: string[] = [];
  private readonly doc = new PDFDocument({ size: 'A4', margin: 0, info: { Producer: 'TAREKS Hub corpus generator' } });
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor() {
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve) => this.doc.on('end', () => resolve()));
    this.doc.registerFont('regular', FONTS.regular).registerFont('bold', FONTS.bold);
  }

  text(value: string, x: number, y: number, o: TextOptions = {}): this {
    if (!value) return this;
    this.segments.push(value);
    this.doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 9);
    this.doc.text(value, x, y, { width: o.width, align: o.align ?? 'left', lineBreak: o.width !== undefined });
    return this;
  }

  rect(x: number, y: number, w: number, h: number, fill?: string): this {
    if (fill) this.doc.rect(x, y, w, h).fill(fill).fillColor('black');
    else this.doc.rect(x, y, w, h).lineWidth(0.6).stroke();
    return this;
  }

  hline(x0: number, x1: number, y: number): this {
    this.doc.moveTo(x0, y).lineTo(x1, y).lineWidth(0.5).stroke();
    return this;
  }

  image(bytes: Buffer, x: number, y: number, w: number, h: number): this {
    this.doc.image(bytes, x, y, { width: w, height: h });
    return this;
  }

  addPage(): this {
    this.doc.addPage({ size: 'A4', margin: 0 });
    return this;
  }

  async finish(): Promise<Buffer> {
    this.doc.end();
    await this.ended;
    return Buffer.concat(this.chunks);
  }
}
