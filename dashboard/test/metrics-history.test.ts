import { describe, expect, it } from 'vitest';
import { MetricsHistory } from '../src/lib/live/metrics-history.svelte.js';
import { snapshot } from './fixtures.js';

describe('MetricsHistory', () => {
  it('keeps the readings of the window, oldest first', () => {
    const history = new MetricsHistory(3);
    for (let s = 100; s <= 105; s++) history.push(snapshot(s, s - 100));
    expect(history.series.slice(0, 2)).toEqual([
      [103, 104, 105],
      [3, 4, 5],
    ]);
    expect(history.series[2]).toHaveLength(3);
    expect(history.series[3]).toHaveLength(3);
    expect(history.latest?.decisionsPerSecond).toBe(5);
  });

  it('updates the counters but not the series for a late or repeated snapshot', () => {
    const history = new MetricsHistory(60);
    history.push(snapshot(200, 10));
    history.push(snapshot(199, 99));
    history.push(snapshot(200, 98));
    expect(history.series.slice(0, 2)).toEqual([[200], [10]]);
    expect(history.latest?.decisionsPerSecond).toBe(98);
  });
});
