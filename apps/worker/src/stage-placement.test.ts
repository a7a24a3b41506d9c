import { describe, expect, it } from 'vitest';
import { StagePlacement } from './stage-placement.js';

describe('StagePlacement', () => {
  it('moves a stage to a thread after a long run, and back once its recent runs are short', () => {
    const placement = new StagePlacement(100, 3);
    expect(placement.heavy('segment')).toBe(false);
    placement.record('segment', 12);
    expect(placement.heavy('segment')).toBe(false);
    placement.record('segment', 1500);
    expect(placement.heavy('segment')).toBe(true);
    expect(placement.heavy('normalize')).toBe(false);
    placement.record('segment', 10);
    placement.record('segment', 11);
    expect(placement.heavy('segment')).toBe(true);
    placement.record('segment', 9);
    expect(placement.heavy('segment')).toBe(false);
  });

  it('counts a run of exactly the budget as long', () => {
    const placement = new StagePlacement(100);
    placement.record('extract', 100);
    expect(placement.heavy('extract')).toBe(true);
  });
});
