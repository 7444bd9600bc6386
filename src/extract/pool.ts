import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ArticleInput, ArticleOutput } from '../model/event.js';

export type Result = { ok: true; output: ArticleOutput } | { ok: false; error: string };

/**
 * A pool of worker threads, each with its own extractor. `submit` returns results in any order
 * through the callback; the caller bounds how many are in flight.
 */
export class ExtractorPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
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
          pool.release(w);
          cb?.(msg.error !== undefined ? { ok: false, error: msg.error } : { ok: true, output: msg.output! });
        });
        return new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
        }).then(() => pool.release(w));
      }),
    );
    return pool;
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) w.postMessage(next);
    else this.idle.push(w);
  }

  extract(seq: number, article: ArticleInput): Promise<Result> {
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      const w = this.idle.pop();
      if (w) w.postMessage({ seq, article });
      else this.waiting.push({ seq, article });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
