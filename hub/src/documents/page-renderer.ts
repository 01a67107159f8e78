import { spawn } from 'node:child_process';
import sharp from 'sharp';
import { INSPECTION_ERROR_CODES as E } from '@tareks/schemas';

/** A page that cannot be shown: out of range, undecodable, or the renderer is saturated. */
export class PageRenderError extends Error {
  override readonly name = 'PageRenderError';
  constructor(
    readonly code: (typeof E)[keyof typeof E],
    message: string,
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface PageRendererOptions {
  /** Longest side of a rendered page, px. Default 1800 (an A4 page at ≈ 150 dpi: small print stays legible). */
  readonly maxSide?: number;
  /** Pages rendered at once in this process (each is one core). Default 2. */
  readonly concurrency?: number;
  /** Renders allowed to wait for a turn before callers get 503. Default 32. */
  readonly maxQueued?: number;
  /** Time limit of one PDF page render, ms. Default 20 s. */
  readonly timeoutMs?: number;
  /** Path of poppler's pdftoppm. Default `pdftoppm` on PATH. */
  readonly pdftoppm?: string;
}

/** Largest PNG accepted from pdftoppm, bytes: a page at `maxSide` is a few MB at most. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Renders one page of a stored document as PNG for the browser. PDFs go through poppler's `pdftoppm` in a child
 * process (installed by the setup; a malformed PDF can at worst crash or stall that process, which the time limit
 * ends, never the hub); TIFF, JPEG and PNG pages are decoded and scaled with sharp. Renders are bounded in number.
 */
export class PageRenderer {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly maxSide: number;

  constructor(private readonly o: PageRendererOptions = {}) {
    this.maxSide = o.maxSide ?? 1800;
  }

  async render(bytes: Uint8Array, mediaType: string, pageNo: number): Promise<Buffer> {
    await this.turn();
    try {
      return mediaType === 'application/pdf' ? await this.pdfPage(bytes, pageNo) : await this.imagePage(bytes, pageNo);
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async turn(): Promise<void> {
    if (this.active < (this.o.concurrency ?? 2)) {
      this.active++;
      return;
    }
    if (this.waiting.length >= (this.o.maxQueued ?? 32)) throw new PageRenderError(E.busy, 'too many pages being rendered, retry shortly', 503);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
  }

  private async imagePage(bytes: Uint8Array, pageNo: number): Promise<Buffer> {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch((cause: unknown) => {
      throw new PageRenderError(E.renderFailed, 'the image cannot be decoded', 422, { cause });
    });
    if (pageNo > (meta.pages ?? 1)) throw new PageRenderError(E.pageNotFound, `the document has ${meta.pages ?? 1} page(s)`, 404);
    return sharp(bytes, { page: pageNo - 1, limitInputPixels: false })
      .resize({ width: this.maxSide, height: this.maxSide, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 6 })
      .toBuffer()
      .catch((cause: unknown) => {
        throw new PageRenderError(E.renderFailed, `page ${pageNo} cannot be decoded`, 422, { cause });
      });
  }

  private pdfPage(bytes: Uint8Array, pageNo: number): Promise<Buffer> {
    const args = ['-png', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', '-scale-to', String(this.maxSide), '-'];
    return new Promise<Buffer>((resolve, reject) => {
      const child = spawn(this.o.pdftoppm ?? 'pdftoppm', args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      let size = 0;
      let stderr = '';
      const fail = (err: PageRenderError) => {
        child.kill('SIGKILL');
        reject(err);
      };
      const timer = setTimeout(() => fail(new PageRenderError(E.renderFailed, `page ${pageNo} took too long to render`, 422)), this.o.timeoutMs ?? 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_OUTPUT_BYTES) fail(new PageRenderError(E.renderFailed, `page ${pageNo} renders too large`, 422));
        else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 2000) stderr += chunk.toString();
      });
      child.on('error', (cause) => {
        clearTimeout(timer);
        reject(new PageRenderError(E.renderFailed, 'the PDF renderer (pdftoppm) is not available', 503, { cause }));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0 && size > 0) resolve(Buffer.concat(out));
        else if (/wrong page range/i.test(stderr)) reject(new PageRenderError(E.pageNotFound, `the document has no page ${pageNo}`, 404));
        else reject(new PageRenderError(E.renderFailed, `page ${pageNo} cannot be rendered: ${stderr.trim().slice(0, 200) || `exit ${code}`}`, 422));
      });
      // A PDF that pdftoppm refuses early closes stdin under us; that error is the close event's to report.
      child.stdin.on('error', () => undefined);
      child.stdin.end(bytes);
    });
  }
}
