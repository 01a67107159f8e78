/** ColorBrewer YlOrRd (5 classes): light for low risk, dark red for high; readable for the common colour-vision deficiencies. */
const STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [255, 255, 178],
  [254, 204, 92],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** Fill colour of a share 0–1 (clamped). */
export function heatColor(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  const mix = (k: 0 | 1 | 2): number => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** Text colour that keeps contrast on `heatColor(t)`. */
export const heatText = (t: number): string => (t > 0.6 ? '#ffffff' : '#1a1a1a');

/** CSS gradient of the whole scale, for the legend. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${STOPS.map((s) => `rgb(${s.join(', ')})`).join(', ')})`;
