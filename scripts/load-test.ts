/**
 * npm run load: a load test of `marsad serve` on loopback with autocannon. Builds a store from
 * our own fixture articles (test/fixtures/dedup/reports.jsonl and examples/articles.jsonl),
 * starts the server as its own process, then runs two loads one after the other:
 *   - GET /api/events with filters (country, type, limit 50);
 *   - POST /api/extract with a short Arabic article.
 * Each with 200 connections for 30 s (--connections, --duration). Prints p50/p99 latency,
 * requests/s and errors (connection errors, timeouts, non-2xx); exits 1 on any error.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { packageRoot } from '../src/util/paths.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '30' },
    jobs: { type: 'string', default: '1' },
  },
});
const root = packageRoot();
const CLI = join(root, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'marsad-load-'));
const db = join(dir, 'load.sqlite');

const ingest = spawnSync(
  process.execPath,
  [
    CLI,
    'ingest',
    '-q',
    '--db',
    db,
    join(root, 'test', 'fixtures', 'dedup', 'reports.jsonl'),
    join(root, 'examples', 'articles.jsonl'),
  ],
  { encoding: 'utf8' },
);
process.stdout.write(`store: ${ingest.stdout.trim()}\n`);

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'serve', '--db', db, '--port', '0', '--quiet', '--jobs', values.jobs!],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  total: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

async function load(name: string, opts: autocannon.Options): Promise<Row> {
  const r = await autocannon({
    connections: Number(values.connections),
    duration: Number(values.duration),
    timeout: 30,
    ...opts,
  });
  return {
    name,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    total: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
  };
}

const ARTICLE = JSON.stringify({
  text: 'قتل خمسة مدنيين أمس في قصف مدفعي استهدف سوقا شعبيا في بلدة سراقب بريف إدلب، وفق ما أفاد الدفاع المدني.',
  published: '2024-03-12',
});

const { child, url } = await startServer();
let failed = false;
try {
  const rows = [
    await load('GET /api/events?country=Syria&event_type=Explosions/Remote violence&limit=50', {
      url: `${url}/api/events?country=Syria&event_type=Explosions%2FRemote%20violence&limit=50`,
    }),
    await load('POST /api/extract (short Arabic article)', {
      url: `${url}/api/extract`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: ARTICLE,
    }),
  ];
  process.stdout.write(
    `${values.connections} connections, ${values.duration} s each, server --jobs ${values.jobs}\n` +
      'endpoint | p50 ms | p99 ms | requests/s | requests | errors | non-2xx | timeouts\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `${r.name} | ${r.p50} | ${r.p99} | ${r.rps.toFixed(0)} | ${r.total} | ${r.errors} | ${r.non2xx} | ${r.timeouts}\n`,
    );
    if (r.errors || r.non2xx || r.timeouts) failed = true;
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
