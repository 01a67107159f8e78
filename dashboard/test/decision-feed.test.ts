import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionFeed } from '../src/lib/live/decision-feed.svelte.js';
import { decision } from './fixtures.js';

/** Animation frames run only when the test says so. */
let frames: FrameRequestCallback[] = [];
const runFrame = (): void => {
  const due = frames;
  frames = [];
  for (const callback of due) callback(0);
};

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
    frames[handle - 1] = () => undefined;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const ids = (feed: DecisionFeed): string[] => feed.rows.map((row) => row.event.declarationId.slice(-3));

describe('DecisionFeed', () => {
  it('applies every event of a frame in one update, newest first', () => {
    const feed = new DecisionFeed(5);
    for (let i = 1; i <= 3; i++) feed.push(decision(i));
    expect(frames).toHaveLength(1);
    expect(feed.rows).toHaveLength(0);
    runFrame();
    expect(ids(feed)).toEqual(['003', '002', '001']);
  });

  it('keeps only the newest rows, across frames and within one burst', () => {
    const feed = new DecisionFeed(5);
    for (let i = 1; i <= 3; i++) feed.push(decision(i));
    runFrame();
    for (let i = 4; i <= 6; i++) feed.push(decision(i));
    runFrame();
    expect(ids(feed)).toEqual(['006', '005', '004', '003', '002']);
    for (let i = 7; i <= 40; i++) feed.push(decision(i));
    runFrame();
    expect(ids(feed)).toEqual(['040', '039', '038', '037', '036']);
  });

  it('gives every row a new key, even for a repeated decision', () => {
    const feed = new DecisionFeed(5);
    feed.push(decision(1));
    feed.push(decision(1));
    runFrame();
    const keys = feed.rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(2);
  });

  it('holds rows while paused and shows the newest on resume', () => {
    const feed = new DecisionFeed(3);
    feed.setPaused(true);
    for (let i = 1; i <= 10; i++) feed.push(decision(i));
    runFrame();
    expect(feed.rows).toHaveLength(0);
    feed.setPaused(false);
    runFrame();
    expect(ids(feed)).toEqual(['010', '009', '008']);
  });

  it('schedules nothing after dispose', () => {
    const feed = new DecisionFeed(3);
    feed.push(decision(1));
    feed.dispose();
    runFrame();
    expect(feed.rows).toHaveLength(0);
  });

  it('adds only decisions matching the filter, drops shown rows that do not match, and lists every office seen', () => {
    const feed = new DecisionFeed(10);
    const at = (serial: number, customsOffice: string, lane: 'GREEN' | 'RED') => ({ ...decision(serial), customsOffice, lane });
    feed.push(at(1, '341300', 'GREEN'));
    feed.push(at(2, '060100', 'RED'));
    runFrame();
    feed.setFilter({ office: '', domain: '', lane: 'RED' });
    expect(ids(feed)).toEqual(['002']);
    feed.push(at(3, '341300', 'GREEN'));
    feed.push(at(4, '341300', 'RED'));
    runFrame();
    expect(ids(feed)).toEqual(['004', '002']);
    expect(feed.offices).toEqual(['060100', '341300']);
    feed.setFilter({ office: '341300', domain: '', lane: 'RED' });
    expect(ids(feed)).toEqual(['004']);
  });
});
