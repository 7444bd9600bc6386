/**
 * npm run bench:queue: throughput of the queue workers (articles/s) with 1 and with 2 worker
 * processes, each `marsad worker` with its default settings, over the same articles (default
 * 3,000 of about 2,400 characters: 600 events in 12 countries over three months, 5 reports
 * each, in feed order; see queue-data.ts), into a fresh PostgreSQL database per run.
 *
 * The workers start against a paused queue, so start-up (loading the gazetteer) is not counted.
 * The rate is taken between the store times of the article at the `--warmup` fraction (default
 * 10%: JIT warm-up excluded) and of the last one. Runs alternate (1, 2, 1, 2, ...) `--repeat`
 * times; the medians and their ratio are printed at the end.
 *
 * Where the servers run on this machine (Linux), each run also says who used the CPU while it
 * was measured, per article: each worker's extraction thread, its main thread (queue, store
 * transactions), its other threads (garbage collection, I/O), the PostgreSQL backends of the
 * run's database, the Redis server (all of it), and the cores used by everything else.
 *
 * Needs a PostgreSQL role that may create databases and a Redis:
 *   node dist/scripts/bench-queue.js [--pg URL] [--redis URL] [--events 600] [--reports 5]
 *     [--background 24] [--workers 1,2] [--repeat 3] [--warmup 0.1] [--concurrency N]
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
import { machineSeconds, processSeconds, threadSeconds } from './proc-cpu.js';
import { type QueueArticle, queueArticles } from './queue-data.js';

const { values } = parseArgs({
  options: {
    pg: { type: 'string' },
    redis: { type: 'string' },
    events: { type: 'string', default: '600' },
    reports: { type: 'string', default: '5' },
    background: { type: 'string', default: '24' },
    workers: { type: 'string', default: '1,2' },
    repeat: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '0.1' },
    concurrency: { type: 'string' },
  },
});
const PG = values.pg ?? process.env.MARSAD_TEST_PG;
const REDIS = values.redis ?? process.env.MARSAD_TEST_REDIS;
if (!PG || !REDIS) {
  console.error('bench-queue: needs --pg URL and --redis URL (or MARSAD_TEST_PG and MARSAD_TEST_REDIS)');
  process.exit(2);
}
const CLI = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
const POLL_MS = 250;
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

async function* items(articles: QueueArticle[]): AsyncGenerator<SourceItem> {
  for (const a of articles) yield { ok: true, item: { origin: a.id, article: { ...a, lang: 'ar' } } };
}

interface WorkerProcess {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
}

function worker(queue: string, db: string): WorkerProcess {
  const args = [CLI, 'worker', '--queue', queue, '--db', db];
  if (values.concurrency) args.push('--concurrency', values.concurrency);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ready = new Promise<void>((resolve) => {
    child.stderr!.on('data', (d) => {
      if (String(d).includes('started')) resolve();
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, ready, exited };
}

/** CPU seconds used so far, by whom (undefined: not measurable here). */
interface CpuSample {
  at: number;
  /** Per worker process: thread id → seconds. */
  threads: Map<number, number>[];
  /** PostgreSQL backend pid → seconds. */
  pg: Map<number, number>;
  redis?: number;
  driver: number;
  machine?: number;
}

async function sample(
  pids: number[],
  db: pg.Client,
  dbName: string,
  redisInfo: () => Promise<string>,
): Promise<CpuSample> {
  const backends = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName]);
  const pgCpu = new Map<number, number>();
  for (const r of backends.rows) {
    const s = processSeconds(Number(r.pid));
    if (s !== undefined) pgCpu.set(Number(r.pid), s);
  }
  const info = await redisInfo().catch(() => '');
  const num = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  const redis = num('used_cpu_user') + num('used_cpu_sys');
  const u = process.cpuUsage();
  return {
    at: Date.now(),
    threads: pids.map((p) => threadSeconds(p) ?? new Map()),
    pg: pgCpu,
    ...(Number.isFinite(redis) ? { redis } : {}),
    driver: (u.user + u.system) / 1e6,
    ...(machineSeconds() ? { machine: machineSeconds()!.busy } : {}),
  };
}

/** Seconds used between two samples by a set of counters (new ones count from zero). */
function delta(a: Map<number, number>, b: Map<number, number>): number {
  let s = 0;
  for (const [k, v] of b) s += v - (a.get(k) ?? 0);
  return s;
}

interface CpuShare {
  extraction: number;
  main: number;
  otherThreads: number;
  postgres: number;
  redis?: number;
  /** Cores used by every other process on the machine. */
  elsewhere?: number;
}

function cpuBetween(
  a: CpuSample,
  b: CpuSample,
  pids: number[],
): Omit<CpuShare, 'elsewhere'> & { ours: number } {
  let extraction = 0;
  let main = 0;
  let otherThreads = 0;
  pids.forEach((pid, i) => {
    const [ta, tb] = [a.threads[i]!, b.threads[i]!];
    const used = [...tb].map(([tid, v]) => ({ tid, s: v - (ta.get(tid) ?? 0) }));
    main += used.find((t) => t.tid === pid)?.s ?? 0;
    // The extraction thread is the busiest of the others.
    const others = used.filter((t) => t.tid !== pid).sort((x, y) => y.s - x.s);
    extraction += others[0]?.s ?? 0;
    otherThreads += others.slice(1).reduce((n, t) => n + t.s, 0);
  });
  const postgres = delta(a.pg, b.pg);
  const redis = a.redis !== undefined && b.redis !== undefined ? b.redis - a.redis : undefined;
  const ours = extraction + main + otherThreads + postgres + (redis ?? 0) + (b.driver - a.driver);
  return { extraction, main, otherThreads, postgres, ...(redis !== undefined ? { redis } : {}), ours };
}

interface RunResult {
  workers: number;
  rate: number;
  cpu?: CpuShare;
}

async function run(workers: number, articles: QueueArticle[], events: number): Promise<RunResult> {
  const name = `marsad_bench_${process.pid}_${workers}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const dbUrl = new URL(PG!);
  dbUrl.pathname = `/${name}`;
  const db = dbUrl.toString();
  const qUrl = new URL(REDIS!);
  qUrl.searchParams.set('prefix', name);
  const queueUrl = qUrl.toString();
  const queue = openQueue(queueUrl);
  const procs: WorkerProcess[] = [];
  const watch = new pg.Client({ connectionString: PG });
  await watch.connect();
  try {
    await queue.pause();
    const s = await enqueueItems(queueUrl, items(articles), { batch: 500 });
    const total = s.enqueued;
    // The first worker migrates the database; the others start after it.
    procs.push(worker(queueUrl, db));
    await procs[0]!.ready;
    for (let i = 1; i < workers; i++) procs.push(worker(queueUrl, db));
    await Promise.all(procs.map((p) => p.ready));
    await sleep(1000);
    const pids = procs.map((p) => p.child.pid!);
    const redis = (await queue.client) as unknown as { info(section: string): Promise<string> };
    const redisInfo = () => redis.info('cpu');
    const samples: CpuSample[] = [];
    const t0 = Date.now();
    await queue.resume();
    for (;;) {
      await sleep(POLL_MS);
      samples.push(await sample(pids, watch, name, redisInfo));
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'paused', 'prioritized');
      if (Object.values(c).every((n) => n === 0)) break;
    }
    const seconds = (Date.now() - t0) / 1000;
    const times = await admin(
      async (c) =>
        (await c.query('SELECT extracted_at FROM articles ORDER BY extracted_at')).rows.map((r) =>
          Date.parse(String(r.extracted_at)),
        ),
      db,
    );
    const evs = await admin(
      async (c) => Number((await c.query('SELECT count(*) AS n FROM events')).rows[0].n),
      db,
    );
    const failed = (await queue.getJobCounts('failed')).failed ?? 0;
    // Steady rate: from the article at the warm-up mark to the last.
    const w = Math.min(times.length - 2, Math.floor(times.length * Number(values.warmup)));
    const rate = (times.length - 1 - w) / ((times.at(-1)! - times[w]!) / 1000);
    // CPU over the same stretch: from the first sample after the mark to the last sample.
    const a = samples.find((x) => x.at >= times[w]!) ?? samples[0]!;
    const b = samples.at(-1)!;
    const stored = times.filter((t) => t > a.at).length;
    let cpu: CpuShare | undefined;
    let cpuText = '';
    if (b !== a && stored > 0 && b.threads.every((t) => t.size)) {
      const used = cpuBetween(a, b, pids);
      const window = (b.at - a.at) / 1000;
      const elsewhere =
        a.machine !== undefined && b.machine !== undefined
          ? Math.max(0, b.machine - a.machine - used.ours) / window
          : undefined;
      const per = (x: number) => (1000 * x) / stored;
      cpu = {
        extraction: per(used.extraction),
        main: per(used.main),
        otherThreads: per(used.otherThreads),
        postgres: per(used.postgres),
        ...(used.redis !== undefined ? { redis: per(used.redis) } : {}),
        ...(elsewhere !== undefined ? { elsewhere } : {}),
      };
      cpuText =
        `; CPU ms per article: extraction ${cpu.extraction.toFixed(1)}, worker main ${cpu.main.toFixed(1)}, ` +
        `worker other threads ${cpu.otherThreads.toFixed(1)}, PostgreSQL ${cpu.postgres.toFixed(1)}` +
        (cpu.redis !== undefined ? `, Redis ${cpu.redis.toFixed(1)}` : '') +
        (elsewhere !== undefined ? `; other processes ${elsewhere.toFixed(2)} cores` : '');
    }
    const ok = times.length === total && evs === events && failed === 0 ? '' : ' (NOT ALL STORED ONCE)';
    console.log(
      `${workers} worker${workers > 1 ? 's' : ''}: ${times.length}/${total} articles, ${evs} events, ${failed} failed${ok}, ` +
        `${seconds.toFixed(1)} s, ${rate.toFixed(0)} articles/s${cpuText}`,
    );
    return { workers, rate, ...(cpu ? { cpu } : {}) };
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await watch.end().catch(() => {});
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const events = Number(values.events);
const reports = Number(values.reports);
const articles = queueArticles(events, reports, Number(values.background));
const chars = Math.round(articles.reduce((n, a) => n + a.text.length, 0) / articles.length);
const counts = values.workers!.split(',').map(Number);
const repeat = Math.max(1, Number(values.repeat));
console.log(
  `bench-queue: ${articles.length} articles of ~${chars} characters (${events} events x ${reports} reports), ` +
    `${availableParallelism()} cores, ${values.concurrency ? `--concurrency ${values.concurrency}` : 'default worker settings'}, ` +
    `${repeat} run(s) each, rate after the first ${Math.round(100 * Number(values.warmup))}%`,
);
const results: RunResult[] = [];
for (let r = 0; r < repeat; r++) for (const w of counts) results.push(await run(w, articles, events));
const medians = counts.map((w) => median(results.filter((x) => x.workers === w).map((x) => x.rate)));
console.log(
  `median: ${counts.map((w, i) => `${w} worker${w > 1 ? 's' : ''} ${medians[i]!.toFixed(0)} articles/s`).join(', ')}`,
);
if (counts.length > 1)
  console.log(
    `speed-up ${counts.at(-1)} vs ${counts[0]} workers: ${(medians.at(-1)! / medians[0]!).toFixed(2)}x`,
  );
