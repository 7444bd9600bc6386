/**
 * The Redis work queue with several worker processes on one PostgreSQL store: a worker killed
 * midway and connections dropped midway lose nothing and store nothing twice. Needs
 * MARSAD_TEST_PG and MARSAD_TEST_REDIS (CI sets both; scripts/ci-services.sh starts both).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { queueArticles, toJsonl } from '../scripts/queue-data.js';
import { matchEvents } from '../src/dedup/match.js';
import type { Event } from '../src/model/event.js';
import { parseQueueUrl, QUEUE_NAME } from '../src/queue/connection.js';
import { queueStatus } from '../src/queue/status.js';
import { marsad, tempDir } from './helpers.js';
import { createDatabase, dropDatabases, PG_URL } from './pg.js';
import { drained, sleep, startWorker, stopAll, storedArticles, waitFor, withPg } from './workers.js';

const REDIS_URL = process.env.MARSAD_TEST_REDIS || undefined;
let n = 0;
const queues: string[] = [];

/** A queue of its own in the test Redis. */
function freshQueue(): string {
  const url = new URL(REDIS_URL!);
  url.searchParams.set('prefix', `marsadtest_${process.pid}_${Date.now().toString(36)}_${n++}`);
  queues.push(url.toString());
  return url.toString();
}

/** Stored exactly once, no two events that the dedup rules would merge, nothing dead-lettered. */
async function checkStore(db: string, queue: string, articles: number, events: number): Promise<void> {
  await withPg(db, async (c) => {
    const a = (
      await c.query(
        'SELECT count(*) AS n, count(DISTINCT content_hash) AS h, count(DISTINCT ext_id) AS x FROM articles',
      )
    ).rows[0];
    expect(Number(a.n)).toBe(articles);
    expect(Number(a.h)).toBe(articles);
    expect(Number(a.x)).toBe(articles);
    const reports = (await c.query('SELECT count(*) AS n, count(DISTINCT article_id) AS a FROM reports'))
      .rows[0];
    expect(Number(reports.n)).toBe(articles);
    expect(Number(reports.a)).toBe(articles);
    const rows = (await c.query('SELECT seq, data, report_count FROM events ORDER BY seq')).rows;
    const stored = rows.map((r) => r.data as Event);
    for (let i = 0; i < stored.length; i++)
      for (let j = i + 1; j < stored.length; j++) {
        const m = matchEvents(stored[i]!, stored[j]!);
        if (m.ok) throw new Error(`events ${rows[i].seq} and ${rows[j].seq} match: ${m.reason}`);
      }
    expect(rows.length).toBe(events);
    expect(rows.reduce((s, r) => s + Number(r.report_count), 0)).toBe(articles);
  });
  const s = await queueStatus(queue);
  expect(s.dead).toEqual([]);
  expect(s.failed).toBe(0);
}

function enqueue(queue: string, events: number, reports: number): void {
  const file = join(tempDir(), 'articles.jsonl');
  writeFileSync(file, toJsonl(queueArticles(events, reports)));
  const r = marsad(['ingest', '--queue', queue, file]);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(new RegExp(`^read ${events * reports}, enqueued ${events * reports}, failed 0`));
  expect(r.code).toBe(0);
}

afterAll(async () => {
  for (const q of queues.splice(0)) {
    const { connection, prefix } = parseQueueUrl(q);
    const queue = new Queue(QUEUE_NAME, { connection, prefix });
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
  if (PG_URL) await dropDatabases();
});

describe.runIf(PG_URL && REDIS_URL)('queue and workers (PostgreSQL + Redis)', () => {
  it('enqueueing an article twice makes one job', async () => {
    const queue = freshQueue();
    enqueue(queue, 3, 2);
    enqueue(queue, 3, 2);
    const s = await queueStatus(queue);
    expect(s.waiting).toBe(6);
  });

  it('two workers, one killed midway: 2,000 articles stored exactly once, one event per event', async () => {
    const [EVENTS, REPORTS] = [400, 5];
    const queue = freshQueue();
    const db = await createDatabase();
    enqueue(queue, EVENTS, REPORTS);
    const procs = [startWorker(queue, db), startWorker(queue, db)];
    try {
      await waitFor('some articles stored', async () => (await storedArticles(db)) >= 500, 60_000, procs);
      procs[0]!.child.kill('SIGKILL');
      await procs[0]!.exited;
      const atKill = await storedArticles(db);
      expect(atKill).toBeLessThan(EVENTS * REPORTS);
      // A replacement joins; the killed worker's jobs come back when their locks expire.
      procs.push(startWorker(queue, db));
      await waitFor('the queue drained', () => drained(queue), 90_000, procs);
      await stopAll(procs);
      await expect(procs[1]!.exited).resolves.toBe(0);
      await checkStore(db, queue, EVENTS * REPORTS, EVENTS);
    } finally {
      await stopAll(procs);
    }
  }, 150_000);

  it('PostgreSQL and Redis connections dropped midway: every article stored exactly once', async () => {
    const [EVENTS, REPORTS] = [200, 5];
    const queue = freshQueue();
    const db = await createDatabase();
    const dbName = new URL(db).pathname.slice(1);
    enqueue(queue, EVENTS, REPORTS);
    const procs = [startWorker(queue, db), startWorker(queue, db)];
    const { connection, prefix } = parseQueueUrl(queue);
    const admin = new Queue(QUEUE_NAME, { connection, prefix });
    try {
      await waitFor('some articles stored', async () => (await storedArticles(db)) >= 150, 60_000, procs);
      // For 3 s, end every connection to the test database and every Redis client, again and again.
      const until = Date.now() + 3000;
      let killed = 0;
      while (Date.now() < until) {
        killed += await withPg(PG_URL!, async (c) =>
          Number(
            (
              await c.query(
                'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()',
                [dbName],
              )
            ).rows[0].n,
          ),
        );
        const redis = (await admin.client) as unknown as { call(...args: string[]): Promise<unknown> };
        await redis.call('CLIENT', 'KILL', 'TYPE', 'normal').catch(() => {});
        await sleep(100);
      }
      expect(killed).toBeGreaterThan(0);
      expect(await storedArticles(db)).toBeLessThan(EVENTS * REPORTS);
      await waitFor('the queue drained', () => drained(queue), 120_000, procs);
      await stopAll(procs);
      await checkStore(db, queue, EVENTS * REPORTS, EVENTS);
    } finally {
      await admin.close();
      await stopAll(procs);
    }
  }, 180_000);
});
