/**
 * Reading a SQLite store from outside the process that writes it (the crash tests): how many
 * articles it holds, whether it is sound, and what events it holds, independent of their ids.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';

function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Articles stored so far; 0 while the store does not exist yet or is being created. */
export function articleCount(path: string): number {
  try {
    return withDb(path, (db) => Number(db.prepare('SELECT count(*) FROM articles').pluck().get()));
  } catch {
    return 0;
  }
}

/** How many times each external article id is stored. */
export function storedIds(path: string): Map<string, number> {
  return withDb(path, (db) => {
    const out = new Map<string, number>();
    for (const r of db.prepare('SELECT ext_id, count(*) AS n FROM articles GROUP BY ext_id').all() as {
      ext_id: string;
      n: number;
    }[])
      out.set(r.ext_id, Number(r.n));
    return out;
  });
}

/**
 * Asserts that the store is sound: SQLite's own checks pass, every article was extracted
 * (and, with `everyArticleReports`, has at least one report), every event has reports and its
 * report count and article list agree with them.
 */
export function expectSoundStore(path: string, opts: { everyArticleReports?: boolean } = {}): void {
  withDb(path, (db) => {
    const one = (sql: string) => db.prepare(sql).pluck().get();
    expect(one('PRAGMA integrity_check')).toBe('ok');
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(one('SELECT count(*) FROM articles WHERE extracted_at IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM events WHERE seq NOT IN (SELECT event_seq FROM reports)')).toBe(0);
    expect(
      one(
        'SELECT count(*) FROM events e WHERE report_count <> (SELECT count(*) FROM reports r WHERE r.event_seq = e.seq)',
      ),
    ).toBe(0);
    // An event's article list is exactly the articles of its reports.
    const events = db.prepare('SELECT seq, article_ids FROM events').all() as {
      seq: number;
      article_ids: string;
    }[];
    const ofEvent = db.prepare(
      'SELECT DISTINCT article_id FROM reports WHERE event_seq = ? ORDER BY article_id',
    );
    for (const e of events) {
      const listed = (JSON.parse(e.article_ids) as number[]).sort((a, b) => a - b);
      expect(listed, `event ${e.seq}`).toEqual(ofEvent.pluck().all(e.seq));
    }
    // The full-text index has one row per article (contentless: count its rows by docsize).
    expect(one('SELECT count(*) FROM articles_fts_docsize')).toBe(one('SELECT count(*) FROM articles'));
    if (opts.everyArticleReports)
      expect(one('SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM reports)')).toBe(0);
  });
}

/**
 * The store's events as sorted lines that do not depend on ids or on the order articles
 * arrived in: date, type, place, fatalities, report count and the external ids of the
 * articles that reported each event.
 */
export function eventSignatures(path: string): string[] {
  return withDb(path, (db) => {
    const rows = db
      .prepare(
        `SELECT e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.fatalities, e.report_count,
           json_extract(e.data, '$.location') AS location,
           (SELECT group_concat(ext_id, ',') FROM (SELECT a.ext_id FROM reports r JOIN articles a ON a.id = r.article_id
              WHERE r.event_seq = e.seq ORDER BY a.ext_id)) AS articles
         FROM events e`,
      )
      .all() as Record<string, unknown>[];
    return rows.map((r) => Object.values(r).join(' | ')).sort();
  });
}

export interface FeedRow {
  etag: string | null;
  last_modified: string | null;
  last_polled: string | null;
  last_status: string | null;
  failures: number;
  next_poll: string | null;
}

/** The stored state of every feed, in id order. */
export function feedRows(path: string): FeedRow[] {
  return withDb(
    path,
    (db) =>
      db
        .prepare(
          'SELECT etag, last_modified, last_polled, last_status, failures, next_poll FROM feeds ORDER BY id',
        )
        .all() as FeedRow[],
  );
}
