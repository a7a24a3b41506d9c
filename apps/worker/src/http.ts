import type { Server } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import { parseListen } from './listen.js';
import type { WorkerMetrics } from './metrics.js';
import type { Runtime } from './runtime.js';

/**
 * Serves the queue dashboard (@bull-board) at `/`, Prometheus metrics at `/metrics` and a health
 * check at `/healthz` (200 when Redis answers, 503 otherwise).
 */
export async function startHttp(
  runtime: Runtime,
  stages: readonly string[],
  metrics: WorkerMetrics,
  listen: string,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const { host, port } = parseListen(listen);
  const board = new ExpressAdapter();
  board.setBasePath('/');
  createBullBoard({
    queues: stages.map((stage) => new BullMQAdapter(runtime.queues.get(stage))),
    serverAdapter: board,
  });
  const app = express();
  app.get('/healthz', async (_req, res) => {
    try {
      await Promise.all([runtime.queueRedis.ping(), runtime.storeRedis.ping()]);
      res.json({ status: 'ok', stages });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', error: (error as Error).message });
    }
  });
  app.get('/metrics', async (_req, res) => {
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      res
        .status(503)
        .type('text/plain')
        .send(`# metrics unavailable: ${(error as Error).message}\n`);
    }
  });
  app.use('/', board.getRouter());
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
