/**
 * Where each stage runs: on the main thread while its recent runs were all short, else in a
 * worker thread. A stage that computes for long on the main thread would hold up everything else
 * that thread does: renewing job locks, taking signals, the other stages' Redis replies.
 */
export class StagePlacement {
  private readonly recent = new Map<string, number[]>();

  /**
   * @param budgetMs a stage whose recent runs took this long or longer runs in a thread.
   * @param window how many recent runs of a stage count.
   */
  constructor(
    readonly budgetMs: number,
    private readonly window = 16,
  ) {}

  /** Notes how long one run of `stage` computed, in milliseconds. */
  record(stage: string, ms: number): void {
    let runs = this.recent.get(stage);
    if (runs === undefined) {
      runs = [];
      this.recent.set(stage, runs);
    }
    runs.push(ms);
    if (runs.length > this.window) runs.shift();
  }

  /** True when one of the recent runs of `stage` reached the budget. */
  heavy(stage: string): boolean {
    return (this.recent.get(stage) ?? []).some((ms) => ms >= this.budgetMs);
  }
}
