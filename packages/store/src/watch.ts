import type { Redis } from 'ioredis';
import type { StoreEvent, WatchOptions } from './types.js';

type StreamReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/**
 * Follows the event stream with blocking reads on a connection of its own (a blocking read holds
 * its connection). Resumes after `from`; ends when `signal` aborts or the caller stops iterating.
 */
export async function* watchEvents(
  redis: Redis,
  key: string,
  options: WatchOptions,
  wrap: (error: unknown) => Error = (error) => error as Error,
): AsyncGenerator<StoreEvent> {
  const { signal } = options;
  const blockMs = options.blockMs ?? 5000;
  let last = options.from ?? '$';
  const reader = redis.duplicate();
  reader.on('error', () => {
    // A failed read rejects below and is thrown as store_unavailable.
  });
  const stop = () => reader.disconnect();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (last === '$') {
      // Pin '$' to the stream's current last id, so no event between two reads is missed.
      let tail: [string, string[]][];
      try {
        tail = (await reader.xrevrange(key, '+', '-', 'COUNT', 1)) as [string, string[]][];
      } catch (error) {
        throw wrap(error);
      }
      last = tail[0]?.[0] ?? '0-0';
    }
    while (!signal?.aborted) {
      let reply: StreamReply;
      try {
        reply = (await reader.xread('COUNT', 100, 'BLOCK', blockMs, 'STREAMS', key, last)) as StreamReply;
      } catch (error) {
        if (signal?.aborted) return;
        throw wrap(error);
      }
      for (const [, entries] of reply ?? []) {
        for (const [eventId, fields] of entries) {
          last = eventId;
          yield toEvent(eventId, fields);
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    reader.disconnect();
  }
}

function toEvent(eventId: string, fields: string[]): StoreEvent {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const stage = map.get('stage');
  const code = map.get('code');
  return {
    eventId,
    type: map.get('type') === 'failed' ? 'failed' : 'completed',
    id: map.get('id') ?? '',
    generation: Number(map.get('generation') ?? 0),
    at: Number(map.get('at') ?? 0),
    ...(stage === undefined ? {} : { stage }),
    ...(code === undefined ? {} : { code }),
  };
}
