import { performance } from 'node:perf_hooks';

/** Elapsed time since it was made, as a rate and as the time left for a known total. */
export class Rate {
  readonly #started: number;
  readonly #now: () => number;

  /** `now` in milliseconds (replaceable for tests). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
    this.#started = now();
  }

  /** Seconds since the start. */
  seconds(): number {
    return (this.#now() - this.#started) / 1000;
  }

  /** `count` per second since the start (0 before any time has passed). */
  perSecond(count: number): number {
    const seconds = this.seconds();
    return seconds > 0 ? count / seconds : 0;
  }

  /** The time left to reach `total` at the rate so far, as `1m05s`; undefined before any progress. */
  left(done: number, total: number): string | undefined {
    if (done <= 0) return undefined;
    const seconds = Math.max(0, Math.round((this.seconds() * (total - done)) / done));
    return duration(seconds);
  }
}

/** `75` → `1m15s`, `3700` → `1h01m`, `9` → `9s`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
