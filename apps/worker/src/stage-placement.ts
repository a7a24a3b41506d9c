/**
 * Where each stage runs: on the main thread while its recent runs were short, else in a worker
 * thread. A stage that computes for long on the main thread would hold up everything else that
 * thread does: renewing job locks, taking signals, the other stages' Redis replies. One run over
 * the budget may be the machine being busy (times are wall times), so it takes two of the recent
 * runs, or one of five times the budget, to move a stage.
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

  /** True when two recent runs of `stage` reached the budget, or one reached five times it. */
  heavy(stage: string): boolean {
    const runs = this.recent.get(stage) ?? [];
    return runs.some((ms) => ms >= 5 * this.budgetMs) || runs.filter((ms) => ms >= this.budgetMs).length >= 2;
  }
}
