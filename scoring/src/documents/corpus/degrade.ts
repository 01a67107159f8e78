import sharp, { type Sharp } from 'sharp';
import type { Rng } from '../../world/rng.js';
import type { Degradation } from './corpus.types.js';

/** Draws how badly a page was scanned: up to ±2° skew, slight blur, sensor noise, JPEG artefacts. */
export function drawDegradation(rng: Rng): Degradation {
  return {
    angleDeg: Math.round((rng.float() * 4 - 2) * 100) / 100,
    blurSigma: Math.round((0.5 + rng.float() * 0.5) * 100) / 100,
    noise: Math.round(6 + rng.float() * 10),
    jpegQuality: rng.int(65, 85),
  };
}

/** Makes a clean greyscale page look scanned; returns greyscale pixels as an encoder-ready sharp pipeline. */
export async function degrade(png: Buffer, d: Degradation, rng: Rng): Promise<Sharp> {
  const { data, info } = await sharp(png)
    .greyscale()
    .rotate(d.angleDeg, { background: '#ffffff' })
    .blur(d.blurSigma)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  for (let i = 0; i < data.length; i += channels) {
    const v = data[i]! + rng.normal(0, d.noise);
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels } }).greyscale();
}
