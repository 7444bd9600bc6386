import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ArticleInput, ArticleOutput } from '../model/event.js';

export type Result = { ok: true; output: ArticleOutput } | { ok: false; error: string };

/**
 * Articles sent ahead to a worker: the next one already waits in its message queue when it posts a
 * result, so it never sits idle while the result travels to this thread and a new article back.
 */
const DEPTH = 2;

/**
 * A pool of worker threads, each with its own extractor. `extract` resolves with each article's
 * result, in any order; the caller bounds how many are in flight.
 */
export class ExtractorPool {
  private workers: Worker[] = [];
  /** Articles sent to each ready worker and not answered yet. */
  private load = new Map<Worker, number>();
  private waiting: { seq: number; article: ArticleInput }[] = [];
  private pending = new Map<number, (r: Result) => void>();

  private constructor() {}

  static available(): boolean {
    return existsSync(new URL('./worker.js', import.meta.url));
  }

  static async create(size: number): Promise<ExtractorPool> {
    const pool = new ExtractorPool();
    const url = new URL('./worker.js', import.meta.url);
    await Promise.all(
      Array.from({ length: size }, () => {
        const w = new Worker(url);
        pool.workers.push(w);
        w.on('message', (msg: { ready?: boolean; seq: number; output?: ArticleOutput; error?: string }) => {
          if (msg.ready) return;
          const cb = pool.pending.get(msg.seq);
          pool.pending.delete(msg.seq);
          pool.load.set(w, pool.load.get(w)! - 1);
          pool.feed(w);
          cb?.(msg.error !== undefined ? { ok: false, error: msg.error } : { ok: true, output: msg.output! });
        });
        return new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        }).then(() => {
          pool.load.set(w, 0);
          pool.feed(w);
        });
      }),
    );
    return pool;
  }

  private send(w: Worker, job: { seq: number; article: ArticleInput }): void {
    this.load.set(w, this.load.get(w)! + 1);
    w.postMessage(job);
  }

  /** Sends waiting articles to a worker until it has DEPTH of them. */
  private feed(w: Worker): void {
    while (this.waiting.length && this.load.get(w)! < DEPTH) this.send(w, this.waiting.shift()!);
  }

  /** The ready worker with the fewest articles, if it can take one more. */
  private leastLoaded(): Worker | null {
    let best: Worker | null = null;
    let fewest = DEPTH;
    for (const [w, n] of this.load) {
      if (n < fewest) {
        best = w;
        fewest = n;
      }
    }
    return best;
  }

  extract(seq: number, article: ArticleInput): Promise<Result> {
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      const w = this.leastLoaded();
      if (w) this.send(w, { seq, article });
      else this.waiting.push({ seq, article });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
