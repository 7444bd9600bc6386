/** Worker thread: extracts articles sent by the pool (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import type { ArticleInput } from '../model/event.js';
import { createExtractor } from './index.js';

const extractor = createExtractor();

parentPort!.on('message', (msg: { seq: number; article: ArticleInput }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, output: extractor.extract(msg.article) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, error: (e as Error).message ?? String(e) });
  }
});
parentPort!.postMessage({ ready: true });
