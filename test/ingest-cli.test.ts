/**
 * `marsad ingest URL...` as a user runs it (the built CLI in a child process), against a local
 * HTTP server: the summary line, the exit code, the private-address guard and --allow-private,
 * and a feed read twice without fetching its pages again.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from './helpers.js';
import { AR_SHELLING, EN_AMBUSH, EN_PROTEST, FixtureServer, newsPage, rssFeed } from './net-fixtures.js';

const srv = new FixtureServer();

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs the CLI without blocking this process (the fixture server answers from it). */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: 'utf8', timeout: 30_000 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? -1) : 0;
        resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr });
      },
    );
  });
}

const SUMMARY =
  /^read (\d+), new (\d+), duplicate (\d+), failed (\d+), events (\d+), merged (\d+) \([\d.]+ s, [\d.]+\/s\)$/;

function summary(stdout: string) {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const m = SUMMARY.exec(line);
  expect(m, line).not.toBeNull();
  const [read, fresh, duplicate, failed, events, merged] = m!.slice(1).map(Number);
  return { read, new: fresh, duplicate, failed, events, merged };
}

beforeAll(async () => {
  // `npm test` builds first; running this file alone builds when dist is missing or stale.
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestSource(join(ROOT, 'src')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  await srv.start();
  srv.serve(
    '/cli/ar',
    'text/html; charset=utf-8',
    newsPage({
      lang: 'ar',
      title: 'مقتل ثلاثة مدنيين بقصف على سوق في إدلب',
      paragraphs: AR_SHELLING,
      published: '2024-05-14T09:30:00+03:00',
      canonical: '/cli/ar',
    }),
  );
  srv.status('/cli/down', 500);
  srv.serve(
    '/cli/en/1',
    'text/html',
    newsPage({ lang: 'en', title: 'Beirut protest', paragraphs: EN_PROTEST }),
  );
  srv.serve('/cli/en/2', 'text/html', newsPage({ lang: 'en', title: 'Gao ambush', paragraphs: EN_AMBUSH }));
  srv.serve(
    '/cli/feed.xml',
    'application/rss+xml',
    rssFeed('Wire', [
      { title: 'Beirut protest', link: '/cli/en/1', date: '2024-06-04T18:00:00Z', body: 'x' },
      { title: 'Gao ambush', link: '/cli/en/2', date: '2024-06-03T12:00:00Z', body: 'y' },
    ]),
  );
}, 120_000);

afterAll(async () => {
  await srv.stop();
});

describe('marsad ingest URL', () => {
  it('prints the summary; exit 1 when an input failed, 0 when none did', async () => {
    const db = join(tempDir(), 'net.db');
    const r1 = await run([
      'ingest',
      srv.url('/cli/ar'),
      srv.url('/cli/down'),
      '--db',
      db,
      '--allow-private',
      '-q',
      '-j',
      '1',
    ]);
    expect(r1.code).toBe(1);
    const s1 = summary(r1.stdout);
    expect(s1).toMatchObject({ read: 2, new: 1, duplicate: 0, failed: 1 });
    expect(s1.events).toBeGreaterThanOrEqual(1);
    expect(r1.stderr).toBe(''); // -q: no per-item errors

    const r2 = await run(['ingest', srv.url('/cli/ar'), '--db', db, '--allow-private', '-q', '-j', '1']);
    expect(r2.code).toBe(0);
    expect(summary(r2.stdout)).toMatchObject({ read: 1, new: 0, duplicate: 1, failed: 0, events: 0 });
  });

  it('refuses loopback without --allow-private, with the reason on stderr', async () => {
    const db = join(tempDir(), 'net.db');
    const before = srv.count('/cli/ar');
    const r = await run(['ingest', srv.url('/cli/ar'), '--db', db, '-j', '1']);
    expect(r.code).toBe(1);
    expect(summary(r.stdout)).toMatchObject({ read: 1, new: 0, failed: 1 });
    expect(r.stderr).toContain(`marsad: ${srv.url('/cli/ar')}: refused: private address 127.0.0.1`);
    expect(srv.count('/cli/ar')).toBe(before);
  });

  it('reads a feed; a second run finds duplicates without fetching the pages again', async () => {
    const db = join(tempDir(), 'net.db');
    const pages = () => srv.count('/cli/en/1') + srv.count('/cli/en/2');
    const before = pages();
    const args = ['ingest', srv.url('/cli/feed.xml'), '--db', db, '--allow-private', '-q', '-j', '2'];
    const r1 = await run(args);
    expect(r1.code).toBe(0);
    expect(summary(r1.stdout)).toMatchObject({ read: 2, new: 2, failed: 0 });
    expect(pages() - before).toBe(2);
    const r2 = await run(args);
    expect(r2.code).toBe(0);
    expect(summary(r2.stdout)).toMatchObject({ read: 2, new: 0, duplicate: 2, failed: 0 });
    expect(pages() - before).toBe(2);
  });
});
