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

  it('takes two runs over the budget, or one of five times it, to move a stage', () => {
    const placement = new StagePlacement(100);
    placement.record('extract', 100);
    expect(placement.heavy('extract')).toBe(false);
    placement.record('extract', 20);
    placement.record('extract', 120);
    expect(placement.heavy('extract')).toBe(true);
    placement.record('dedupe', 499);
    expect(placement.heavy('dedupe')).toBe(false);
    placement.record('normalize', 500);
    expect(placement.heavy('normalize')).toBe(true);
  });
});
