/**
 * Cross-report deduplication on a set of articles with gold clusters (default: our own
 * test/fixtures/dedup/reports.jsonl): ingests them into a fresh in-memory store and scores
 * every pair of articles (same cluster ↔ share an event). Usage: npm run eval:dedup [-- FILE]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleEvents, scoreDedup } from '../src/eval/dedup.js';
import { createExtractor } from '../src/extract/index.js';
import { ingestItems } from '../src/ingest/pipeline.js';
import { readTargets } from '../src/ingest/sources.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';
import { packageRoot } from '../src/util/paths.js';

const path = process.argv[2] ?? join(packageRoot(), 'test', 'fixtures', 'dedup', 'reports.jsonl');
const gold = new Map<string, string>();
for (const line of readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())) {
  const o = JSON.parse(line) as { id: string; cluster: string };
  gold.set(o.id, o.cluster);
}
const repo = new SqliteRepository(':memory:');
await repo.migrate();
const extractor = createExtractor();
const t0 = Date.now();
const summary = await ingestItems(repo, readTargets([path]), async (a) => extractor.extract(a));
const s = scoreDedup(gold, await articleEvents(repo));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(
  `articles ${gold.size} in ${new Set(gold.values()).size} clusters; stored events ${summary.events}, merged reports ${summary.merged}`,
);
console.log(
  `pairs ${s.pairs}: precision ${pct(s.precision)} (${s.tp}/${s.tp + s.fp}), recall ${pct(s.recall)} (${s.tp}/${s.tp + s.fn}), F1 ${pct(s.f1)}`,
);
for (const [a, b] of s.falseMerges) console.log(`  merged but different events: ${a} + ${b}`);
for (const [a, b] of s.missed) console.log(`  same event not merged: ${a} + ${b}`);
console.log(`time ${Date.now() - t0} ms`);
await repo.close();
