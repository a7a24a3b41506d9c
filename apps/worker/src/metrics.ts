import type { Store } from '@xinwen/store';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { StageQueues } from './queues.js';

/** The worker's Prometheus metrics. Queue and store gauges are read when scraped. */
export interface WorkerMetrics {
  registry: Registry;
  completed: Counter<'stage'>;
  failed: Counter<'stage' | 'code'>;
  duration: Histogram<'stage'>;
}

const jobStates = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/** Creates the metrics for workers serving `stages`, reading queue and store counts on scrape. */
export function createMetrics(stages: readonly string[], queues: StageQueues, store: Store): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'xinwen_' });
  const completed = new Counter({
    name: 'xinwen_jobs_completed_total',
    help: 'Stage jobs this process completed.',
    labelNames: ['stage'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'xinwen_jobs_failed_total',
    help: 'Stage job attempts that failed in this process, by error code.',
    labelNames: ['stage', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'xinwen_job_duration_seconds',
    help: 'Time from a stage job starting to finishing.',
    labelNames: ['stage'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'xinwen_queue_jobs',
    help: 'Jobs in each stage queue by state.',
    labelNames: ['stage', 'state'],
    registers: [registry],
    async collect() {
      for (const stage of stages) {
        const counts = await queues.get(stage).getJobCounts(...jobStates);
        for (const state of jobStates) this.set({ stage, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'xinwen_documents',
    help: 'Documents in the store by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const stats = await store.stats();
      this.set({ status: 'pending' }, stats.pending);
      this.set({ status: 'completed' }, stats.completed);
      this.set({ status: 'failed' }, stats.failed);
    },
  });
  return { registry, completed, failed, duration };
}
