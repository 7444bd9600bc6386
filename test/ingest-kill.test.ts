/**
 * Crash safety of ingest: a run killed with SIGKILL in the middle of a large input leaves a
 * sound database; running it again stores every article exactly once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marsad, spawnMarsad, tempDir, waitFor } from './helpers.js';
import { articleCount, expectSoundStore, storedIds } from './store-checks.js';

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

describe('ingest killed midway', () => {
  it('resumes after SIGKILL with every article stored exactly once and the database intact', async () => {
    const N = 1500;
    const dir = tempDir();
    const input = join(dir, 'big.jsonl');
    const db = join(dir, 'store.sqlite');
    writeFileSync(input, articles(N));

    const run = spawnMarsad(['ingest', input, '--db', db, '-q', '-j', '1']);
    await waitFor(() => {
      if (run.child.exitCode !== null) throw new Error(`ingest exited: ${run.stderr()}`);
      return articleCount(db) >= 150;
    }, '150 articles stored');
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    const afterKill = articleCount(db);
    expect(afterKill).toBeGreaterThanOrEqual(150);
    expect(afterKill).toBeLessThan(N);
    expectSoundStore(db, { everyArticleReports: true });

    const again = marsad(['ingest', input, '--db', db, '-q']);
    expect(again.stdout).toMatch(
      new RegExp(`read ${N}, new ${N - afterKill}, duplicate ${afterKill}, failed 0`),
    );

    const ids = storedIds(db);
    expect(ids.size).toBe(N);
    expect([...ids.values()].every((n) => n === 1)).toBe(true);
    expectSoundStore(db, { everyArticleReports: true });
  }, 120_000);
});
