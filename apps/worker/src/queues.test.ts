import { describe, expect, it } from 'vitest';
import { jobId } from './queues.js';

describe('jobId', () => {
  it('derives from stage, document id and run, without the ":" BullMQ forbids', () => {
    const id = 'sha256:9f12a8511d3a3e613c7f46e3469350a2a251f3a8db115bdadadfa6de3b5c2c7a';
    expect(jobId('normalize', id, 0)).toBe(
      'normalize@sha256%3A9f12a8511d3a3e613c7f46e3469350a2a251f3a8db115bdadadfa6de3b5c2c7a',
    );
    expect(jobId('segment', 'cq-1', 2)).toBe('segment@cq-1#2');
  });

  it('keeps distinct ids distinct', () => {
    const ids = ['a:b', 'a%3Ab', 'a@b', 'a#1', 'a'];
    const jobs = ids.flatMap((id) => [jobId('extract', id, 0), jobId('extract', id, 1)]);
    expect(new Set(jobs).size).toBe(jobs.length);
  });
});
