/** `marsad ingest --queue`: read the inputs as usual, and put the articles on the queue. */
import type { SourceItem } from '../ingest/sources.js';
import { jobId, openQueue } from './jobs.js';

export interface EnqueueSummary {
  read: number;
  enqueued: number;
  failed: number;
}

export interface EnqueueHooks {
  /** After each item (enqueued, or failed with why). */
  onItem?: (status: 'enqueued' | 'failed', origin: string, detail?: string) => void;
  /** Jobs sent to Redis at once (default 200). */
  batch?: number;
}

/**
 * Enqueues every article of `items`. An article already on the queue (same content hash, not
 * yet removed) is not added again: BullMQ keeps one job per id.
 */
export async function enqueueItems(
  queueUrl: string,
  items: AsyncIterable<SourceItem>,
  hooks: EnqueueHooks = {},
): Promise<EnqueueSummary> {
  const queue = openQueue(queueUrl);
  const summary: EnqueueSummary = { read: 0, enqueued: 0, failed: 0 };
  const size = Math.max(1, hooks.batch ?? 200);
  let pending: { origin: string; job: Parameters<typeof queue.addBulk>[0][number] }[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    try {
      await queue.addBulk(batch.map((b) => b.job));
      summary.enqueued += batch.length;
      for (const b of batch) hooks.onItem?.('enqueued', b.origin);
    } catch (e) {
      summary.failed += batch.length;
      for (const b of batch) hooks.onItem?.('failed', b.origin, (e as Error).message);
    }
  };
  try {
    await queue.waitUntilReady();
    for await (const it of items) {
      summary.read++;
      if (!it.ok) {
        // A feed item already stored is not work.
        if (it.error !== 'duplicate') {
          summary.failed++;
          hooks.onItem?.('failed', it.origin, it.error);
        }
        continue;
      }
      const p = it.item;
      if (!p.article.text.trim()) {
        summary.failed++;
        hooks.onItem?.('failed', p.origin, 'empty text');
        continue;
      }
      pending.push({ origin: p.origin, job: { name: 'article', data: p, opts: { jobId: jobId(p) } } });
      if (pending.length >= size) await flush();
    }
    await flush();
    return summary;
  } finally {
    await queue.close();
  }
}
