/**
 * Servers really going away during a run: two `marsad worker` processes store a few hundred
 * articles while the test stops its own PostgreSQL (pg_ctl stop -m immediate) for 4 s and later
 * SIGKILLs its own redis-server for 4 s, each then started again on the same port and data.
 * Workers must wait and resume: every article stored exactly once, the right number of events,
 * no failed job, and workers that are still running and exit cleanly on SIGTERM.
 *
 * The servers are the test's own (test/servers.ts), never the shared ones of MARSAD_TEST_PG /
 * MARSAD_TEST_REDIS. Skipped when the PostgreSQL server binaries or redis-server are missing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueArticles, toJsonl } from '../scripts/queue-data.js';
import { queueStatus } from '../src/queue/status.js';
import { marsad, tempDir } from './helpers.js';
import { OwnPostgres, OwnRedis, serversMissing } from './servers.js';
import {
  alive,
  drained,
  logsOf,
  sleep,
  startWorker,
  stopAll,
  storedArticles,
  type WorkerProc,
  waitFor,
  withPg,
} from './workers.js';

const missing = serversMissing();
const OUTAGE_MS = 4000;

describe.skipIf(missing)(
  `PostgreSQL and Redis servers stopped during a run${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let postgres: OwnPostgres | undefined;
    let redis: OwnRedis | undefined;
    let db = '';

    beforeAll(async () => {
      postgres = await OwnPostgres.create();
      redis = await OwnRedis.create();
      await withPg(postgres.url, (c) => c.query('CREATE DATABASE marsad'));
      const u = new URL(postgres.url);
      u.pathname = '/marsad';
      db = u.toString();
    }, 60_000);

    afterAll(async () => {
      postgres?.destroy();
      await redis?.destroy();
    });

    it('workers wait through both outages and resume: everything stored exactly once, nothing failed', async () => {
      const [EVENTS, REPORTS] = [150, 4];
      const total = EVENTS * REPORTS;
      const queue = `${redis!.url}?prefix=outage`;
      const file = join(tempDir(), 'articles.jsonl');
      writeFileSync(file, toJsonl(queueArticles(EVENTS, REPORTS, 6)));
      const enq = marsad(['ingest', '--queue', queue, file]);
      expect(enq.stdout).toMatch(new RegExp(`^read ${total}, enqueued ${total}, failed 0`));
      expect(enq.code).toBe(0);

      const procs: WorkerProc[] = [startWorker(queue, db), startWorker(queue, db)];
      try {
        await waitFor('some articles stored', async () => (await storedArticles(db)) >= 60, 30_000, procs);

        // PostgreSQL goes away as in a crash, then comes back.
        postgres!.stopImmediately();
        await sleep(OUTAGE_MS);
        expect(procs.every(alive), logsOf(procs)).toBe(true);
        postgres!.start();
        const afterPg = await storedArticles(db);
        expect(afterPg).toBeLessThan(total);

        await waitFor(
          'progress after PostgreSQL came back',
          async () => (await storedArticles(db)) >= afterPg + 60,
          30_000,
          procs,
        );

        // Redis is killed (no shutdown), then started again on the same port and directory.
        await redis!.kill();
        const atRedisKill = await storedArticles(db);
        await sleep(OUTAGE_MS);
        expect(procs.every(alive), logsOf(procs)).toBe(true);
        await redis!.start();
        expect(atRedisKill, 'the queue drained before Redis was killed').toBeLessThan(total);

        await waitFor('the queue drained', () => drained(queue), 40_000, procs);
        expect(procs.every(alive), logsOf(procs)).toBe(true);
        await stopAll(procs);
        for (const p of procs) expect(await p.exited, logsOf(procs)).toBe(0);

        const logs = logsOf(procs);
        // The workers saw the outage, waited, and failed no attempt of any job.
        expect(logs).toMatch(/waiting for PostgreSQL/);
        expect(logs).toMatch(/PostgreSQL is back/);
        for (const p of procs) expect(p.out.join(''), logs).toMatch(/, errors 0,/);
        await withPg(db, async (c) => {
          const a = (await c.query('SELECT count(*) AS n, count(DISTINCT content_hash) AS h FROM articles'))
            .rows[0];
          expect(Number(a.n), logs).toBe(total);
          expect(Number(a.h)).toBe(total);
          const r = (await c.query('SELECT count(*) AS n, count(DISTINCT article_id) AS a FROM reports'))
            .rows[0];
          expect(Number(r.n)).toBe(total);
          expect(Number(r.a)).toBe(total);
          const e = (await c.query('SELECT count(*) AS n, sum(report_count) AS reports FROM events')).rows[0];
          expect(Number(e.n)).toBe(EVENTS);
          expect(Number(e.reports)).toBe(total);
        });
        const s = await queueStatus(queue);
        expect(s.dead, logs).toEqual([]);
        expect(s.failed).toBe(0);
        expect(s.completed).toBe(total);
      } finally {
        await stopAll(procs);
      }
    }, 90_000);
  },
);
