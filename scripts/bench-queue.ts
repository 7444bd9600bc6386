/**
 * npm run bench:queue: throughput of the queue workers (articles/s) with 1 and with 2 worker
 * processes over the same articles (default 3,000: 600 events, 5 reports each), into a fresh
 * PostgreSQL database per run. Each worker is the CLI (`marsad worker`, one extraction thread,
 * --concurrency 4). The workers start against a paused queue; the clock runs from resuming the
 * queue until it is empty, so start-up (loading the gazetteer) is not counted.
 * Needs a PostgreSQL role that may create databases and a Redis:
 *   node dist/scripts/bench-queue.js [--pg URL] [--redis URL] [--events 600] [--reports 5] [--workers 1,2]
 * (defaults: $MARSAD_TEST_PG and $MARSAD_TEST_REDIS, as scripts/ci-services.sh exports them).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { SourceItem } from '../src/ingest/sources.js';
import { enqueueItems } from '../src/queue/enqueue.js';
import { openQueue } from '../src/queue/jobs.js';
import { packageRoot } from '../src/util/paths.js';
import { queueArticles } from './queue-data.js';

const { values } = parseArgs({
  options: {
    pg: { type: 'string' },
    redis: { type: 'string' },
    events: { type: 'string', default: '600' },
    reports: { type: 'string', default: '5' },
    background: { type: 'string', default: '24' },
    workers: { type: 'string', default: '1,2' },
    concurrency: { type: 'string', default: '4' },
  },
});
const PG = values.pg ?? process.env.MARSAD_TEST_PG;
const REDIS = values.redis ?? process.env.MARSAD_TEST_REDIS;
if (!PG || !REDIS) {
  console.error('bench-queue: needs --pg URL and --redis URL (or MARSAD_TEST_PG and MARSAD_TEST_REDIS)');
  process.exit(2);
}
const CLI = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = PG!): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function* items(events: number, reports: number): AsyncGenerator<SourceItem> {
  for (const a of queueArticles(events, reports, Number(values.background)))
    yield { ok: true, item: { origin: a.id, article: { ...a, lang: 'ar' } } };
}

function worker(
  queue: string,
  db: string,
): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(
    process.execPath,
    [CLI, 'worker', '--queue', queue, '--db', db, '--concurrency', values.concurrency!],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const ready = new Promise<void>((resolve) => {
    child.stderr!.on('data', (d) => {
      if (String(d).includes('started')) resolve();
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, ready, exited };
}

async function run(workers: number, events: number, reports: number): Promise<number> {
  const name = `marsad_bench_${process.pid}_${workers}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const dbUrl = new URL(PG!);
  dbUrl.pathname = `/${name}`;
  const db = dbUrl.toString();
  const qUrl = new URL(REDIS!);
  qUrl.searchParams.set('prefix', name);
  const queueUrl = qUrl.toString();
  const queue = openQueue(queueUrl);
  const procs: ReturnType<typeof worker>[] = [];
  try {
    await queue.pause();
    const s = await enqueueItems(queueUrl, items(events, reports), { batch: 500 });
    const total = s.enqueued;
    // The first worker migrates the database; the others start after it.
    procs.push(worker(queueUrl, db));
    await procs[0]!.ready;
    for (let i = 1; i < workers; i++) procs.push(worker(queueUrl, db));
    await Promise.all(procs.map((p) => p.ready));
    await sleep(1000);
    const t0 = performance.now();
    await queue.resume();
    for (;;) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'paused', 'prioritized');
      if (Object.values(c).every((n) => n === 0)) break;
      await sleep(50);
    }
    const seconds = (performance.now() - t0) / 1000;
    const stored = await admin(
      async (c) => Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n),
      db,
    );
    const evs = await admin(
      async (c) => Number((await c.query('SELECT count(*) AS n FROM events')).rows[0].n),
      db,
    );
    const failed = (await queue.getJobCounts('failed')).failed ?? 0;
    const rate = stored / seconds;
    console.log(
      `${workers} worker${workers > 1 ? 's' : ''}: ${stored}/${total} articles, ${evs} events, ${failed} failed, ${seconds.toFixed(1)} s, ${rate.toFixed(0)} articles/s`,
    );
    return rate;
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
  }
}

const events = Number(values.events);
const reports = Number(values.reports);
const counts = values.workers!.split(',').map(Number);
console.log(
  `bench-queue: ${events * reports} articles (${events} events x ${reports} reports), ${availableParallelism()} cores, concurrency ${values.concurrency} per worker`,
);
const rates: number[] = [];
for (const w of counts) rates.push(await run(w, events, reports));
if (counts.length > 1)
  console.log(
    `speed-up ${counts.at(-1)} vs ${counts[0]} workers: ${(rates.at(-1)! / rates[0]!).toFixed(2)}x`,
  );
