/**
 * Crash safety of ingest: a run killed with SIGKILL in the middle of a large input leaves a
 * sound database; running it again stores every article exactly once.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI, marsad, tempDir } from './helpers.js';

const TOWNS = ['مدينة الحسكة', 'بلدة سراقب', 'مدينة درعا', 'بلدة تل تمر', 'مدينة الميادين', 'مدينة إدلب'];

function articles(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const town = TOWNS[i % TOWNS.length];
    const text =
      `قُتل ${(i % 9) + 2} مدنيين أمس في قصف مدفعي استهدف ${town}، وفق ما أفاد مصدر محلي في التقرير رقم ${i}. ` +
      'وأضاف المصدر أن القصف ألحق أضرارا كبيرة بالمنازل والمحال التجارية في المنطقة.';
    lines.push(JSON.stringify({ id: `k${i}`, text, published: '2024-03-12' }));
  }
  return lines.join('\n') + '\n';
}

function count(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return Number((d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n);
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe('ingest killed midway', () => {
  it('resumes after SIGKILL with every article stored exactly once and the database intact', async () => {
    const N = 1500;
    const dir = tempDir();
    const input = join(dir, 'big.jsonl');
    const db = join(dir, 'store.sqlite');
    writeFileSync(input, articles(N));

    const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', db, '-q', '-j', '1'], {
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    let atKill = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      atKill = count(db);
      if (atKill >= 150) break;
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = count(db);
    expect(afterKill).toBeGreaterThanOrEqual(150);
    expect(afterKill).toBeLessThan(N);

    const again = marsad(['ingest', input, '--db', db, '-q']);
    expect(again.stdout).toMatch(
      new RegExp(`read ${N}, new ${N - afterKill}, duplicate ${afterKill}, failed 0`),
    );

    const d = new Database(db, { readonly: true });
    try {
      expect(d.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(d.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const row = d.prepare('SELECT count(*) AS n, count(DISTINCT ext_id) AS ids FROM articles').get() as {
        n: number;
        ids: number;
      };
      expect(row).toEqual({ n: N, ids: N });
      // every stored article was extracted and every event has its reports
      expect(d.prepare('SELECT count(*) FROM articles WHERE extracted_at IS NULL').pluck().get()).toBe(0);
      expect(
        d
          .prepare('SELECT count(*) FROM events WHERE seq NOT IN (SELECT event_seq FROM reports)')
          .pluck()
          .get(),
      ).toBe(0);
      expect(d.prepare('SELECT count(*) FROM reports').pluck().get()).toBeGreaterThanOrEqual(N);
    } finally {
      d.close();
    }
  }, 120_000);
});
