/**
 * npm run bench: extraction throughput next to a bare pass (read + normalise + split) over the
 * same input in the same run. Input: the Arabic and English pools in ../shared/eval/pool when
 * present, else the bundled examples; repeated up to --mb megabytes (default 8).
 * Usage: node dist/scripts/bench.js [--mb 8] [--jobs N] [--input FILE.jsonl]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createExtractor } from '../src/extract/index.js';
import { ExtractorPool } from '../src/extract/pool.js';
import { jsonlFileStream, readJsonl } from '../src/ingest/read-articles.js';
import type { ArticleInput } from '../src/model/event.js';
import { createDoc } from '../src/text/doc.js';
import { normalizeWithMap } from '../src/text/normalize.js';
import { packageRoot } from '../src/util/paths.js';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '8' }, jobs: { type: 'string' }, input: { type: 'string' } },
});
const root = packageRoot();

function sources(): string[] {
  const pool = join(root, '..', 'shared', 'eval', 'pool');
  const files = ['ar-saudinewsnet-180.jsonl', 'en-fakes.inputs.jsonl']
    .map((f) => join(pool, f))
    .filter(existsSync);
  return files.length ? files : [join(root, 'examples', 'articles.jsonl')];
}

function buildInput(): { path: string; cleanup: () => void; from: string } {
  if (values.input) return { path: values.input, cleanup: () => {}, from: values.input };
  const lines = sources().flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim()),
  );
  const target = Number(values.mb) * 1024 * 1024;
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  const path = join(dir, 'bench.jsonl');
  const out: string[] = [];
  let size = 0;
  for (let rep = 0; size < target; rep++) {
    for (const l of lines) {
      const o = JSON.parse(l) as ArticleInput;
      o.id = `${o.id}-r${rep}`;
      const s = JSON.stringify(o);
      out.push(s);
      size += Buffer.byteLength(s) + 1;
      if (size >= target) break;
    }
  }
  writeFileSync(path, out.join('\n') + '\n');
  return {
    path,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
    from: sources()
      .map((s) => relative(root, s))
      .join(', '),
  };
}

/** CPU time (ms) used by all threads of the process since `start`. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(start);
  return (c.user + c.system) / 1000;
}

async function bare(path: string): Promise<{ n: number; ms: number; cpu: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  for await (const item of readJsonl(jsonlFileStream(path))) {
    if (!item.ok) continue;
    const a = item.article;
    normalizeWithMap(a.text);
    createDoc({ id: a.id, text: a.text, title: a.title, lang: a.lang });
    n++;
  }
  return { n, ms: performance.now() - t0, cpu: cpuMs(cpu0) };
}

async function extract(
  path: string,
  jobs: number,
): Promise<{ n: number; events: number; ms: number; startupMs: number; cpu: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  let events = 0;
  if (jobs === 1) {
    const ex = createExtractor();
    const startupMs = performance.now() - t0;
    for await (const item of readJsonl(jsonlFileStream(path))) {
      if (!item.ok) continue;
      events += ex.extract(item.article).events.length;
      n++;
    }
    return { n, events, ms: performance.now() - t0, startupMs, cpu: cpuMs(cpu0) };
  }
  const pool = await ExtractorPool.create(jobs);
  const startupMs = performance.now() - t0;
  // A window of articles in flight; a new one is sent as soon as any is done, so that no worker
  // waits for a slow article ahead of it (nor for a batch) to finish.
  const window = jobs * 32;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let seq = 0;
  for await (const item of readJsonl(jsonlFileStream(path))) {
    if (!item.ok) continue;
    inFlight++;
    void pool.extract(seq++, item.article).then((r) => {
      if (r.ok) events += r.output.events.length;
      n++;
      inFlight--;
      wake?.();
    });
    while (inFlight >= window) await new Promise<void>((resolve) => (wake = resolve));
  }
  while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  const cpu = cpuMs(cpu0);
  await pool.close();
  return { n, events, ms: performance.now() - t0, startupMs, cpu };
}

const jobs = values.jobs ? Number(values.jobs) : availableParallelism();
const input = buildInput();
try {
  const mb = statSync(input.path).size / (1024 * 1024);
  const b = await bare(input.path);
  const e = await extract(input.path, jobs);
  const rss = process.resourceUsage().maxRSS / 1024;
  const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
  const mbs = (ms: number) => (mb / (ms / 1000)).toFixed(2);
  console.log(`input: ${mb.toFixed(1)} MB, ${b.n} articles (from ${input.from})`);
  console.log(
    `bare pass (read + normalise + split, 1 thread): ${rate(b.n, b.ms)} articles/s, ${mbs(b.ms)} MB/s`,
  );
  console.log(
    `extract (${jobs} thread${jobs > 1 ? 's' : ''}, startup ${(e.startupMs / 1000).toFixed(2)} s included): ${rate(e.n, e.ms)} articles/s, ${mbs(e.ms)} MB/s, ${e.events} events`,
  );
  console.log(`ratio extract/bare: ${((b.ms / e.ms) * 100).toFixed(1)}%`);
  // On a shared machine the wall-clock figures depend on the other jobs; CPU time much less.
  const perCpu = (n: number, cpu: number) => n / (cpu / 1000);
  console.log(
    `cores busy during extract: ${(e.cpu / e.ms).toFixed(2)} of ${jobs}; per CPU-second (all threads): bare ${perCpu(b.n, b.cpu).toFixed(1)}, extract ${perCpu(e.n, e.cpu).toFixed(1)} articles; ratio if the ${jobs} cores were all busy with it: ${((perCpu(e.n, e.cpu) * jobs * 100) / perCpu(b.n, b.cpu)).toFixed(1)}%`,
  );
  console.log(`peak memory (max RSS, all threads): ${rss.toFixed(0)} MB`);
} finally {
  input.cleanup();
}
