/** The embedded store: SQLite through better-sqlite3, WAL mode, versioned migrations. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Event } from '../../model/event.js';
import { decodeCursor, encodeCursor, eventId, eventSeq, StoreInputError } from '../ids.js';
import {
  actorsText,
  articleFromRow,
  feedFromRow,
  isCursor,
  pointFromRow,
  type Row,
  reportArticleFromRow,
  reportFromRow as reportRow,
} from '../rows.js';
import { queryWords, searchDocument } from '../search-text.js';
import type {
  EventFilter,
  EventPage,
  EventPoint,
  EventWithReports,
  Feed,
  FeedState,
  NewArticle,
  Report,
  ReportWithArticle,
  Repository,
  StoredArticle,
  StoredEvent,
  StoreTx,
} from '../types.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

const MAX_PAGE = 1000;

function reportFromRow(r: Row): Report {
  return reportRow(r, JSON.parse(String(r.data)) as Event);
}

function eventFromRow(r: Row): StoredEvent {
  return {
    id: eventId(Number(r.seq)),
    event: JSON.parse(String(r.data)) as Event,
    sources: JSON.parse(String(r.sources)) as string[],
    articleIds: JSON.parse(String(r.article_ids)) as number[],
    reportCount: Number(r.report_count),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

/** An FTS5 query: every word must occur (each quoted, so no operator can be injected). */
function ftsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ') : null;
}

export class SqliteRepository implements Repository {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private lock: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
  }

  async migrate(): Promise<number> {
    const current = Number(this.db.pragma('user_version', { simple: true }));
    if (current > SQLITE_MIGRATIONS.length)
      throw new Error(
        `database schema version ${current} is newer than this Marsad (${SQLITE_MIGRATIONS.length})`,
      );
    for (let v = current; v < SQLITE_MIGRATIONS.length; v++) {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        // Another process may have migrated while we waited for the lock.
        if (Number(this.db.pragma('user_version', { simple: true })) > v) {
          this.db.exec('COMMIT');
          continue;
        }
        this.db.exec(SQLITE_MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
        this.db.exec('COMMIT');
      } catch (e) {
        this.db.exec('ROLLBACK');
        throw e;
      }
    }
    return SQLITE_MIGRATIONS.length;
  }

  async close(): Promise<void> {
    await this.lock;
    if (this.db.open) this.db.close();
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    // better-sqlite3 is synchronous, but `fn` is async: one transaction at a time per connection.
    const prev = this.lock;
    let release!: () => void;
    this.lock = new Promise<void>((r) => (release = r));
    await prev;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.tx);
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    } finally {
      release();
    }
  }

  private readonly tx: StoreTx = {
    findArticle: async (url, hash) => this.findArticleSync(url, hash),
    findArticleById: async (id) => this.getArticleSync(id),
    insertArticle: async (a: NewArticle, extractedAt?: string) => {
      const info = this.db
        .prepare(
          `INSERT INTO articles (ext_id, url, canonical_url, content_hash, lang, title, text, published, fetched, source, feed_id,
             extracted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
        )
        .run(
          a.extId,
          a.url ?? null,
          a.canonicalUrl ?? null,
          a.contentHash,
          a.lang,
          a.title ?? null,
          a.text,
          a.published ?? null,
          a.fetched,
          a.source ?? null,
          a.feedId ?? null,
          extractedAt ?? null,
        );
      // The same content or URL is stored already.
      if (info.changes === 0) return null;
      const id = Number(info.lastInsertRowid);
      this.db
        .prepare('INSERT INTO articles_fts (rowid, body) VALUES (?, ?)')
        .run(id, searchDocument(a.title, a.text));
      return id;
    },
    markExtracted: async (id, at) => {
      this.db.prepare('UPDATE articles SET extracted_at = ? WHERE id = ?').run(at, id);
    },
    candidateEvents: async (country, from, to) =>
      (
        this.db
          .prepare('SELECT * FROM events WHERE country = ? AND event_date BETWEEN ? AND ? ORDER BY seq')
          .all(country, from, to) as Row[]
      ).map(eventFromRow),
    reportsOf: async (id) => this.reportsWithArticles(eventSeq(id)),
    reportsOfArticle: async (articleId) =>
      (
        this.db.prepare('SELECT * FROM reports WHERE article_id = ? ORDER BY idx').all(articleId) as Row[]
      ).map(reportFromRow),
    insertEvent: async (event, sources, articleIds) => {
      const now = new Date().toISOString();
      const info = this.db
        .prepare(
          `INSERT INTO events (event_date, event_type, sub_event_type, country, admin1, actors, latitude, longitude,
             fatalities, confidence, data, sources, article_ids, report_count, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
        )
        .run(...this.eventColumns(event, sources, articleIds), now, now);
      return eventId(Number(info.lastInsertRowid));
    },
    updateEvent: async (id, event, sources, articleIds) => {
      this.db
        .prepare(
          `UPDATE events SET event_date = ?, event_type = ?, sub_event_type = ?, country = ?, admin1 = ?, actors = ?,
             latitude = ?, longitude = ?, fatalities = ?, confidence = ?, data = ?, sources = ?, article_ids = ?,
             report_count = (SELECT count(*) FROM reports WHERE event_seq = events.seq), updated_at = ?
           WHERE seq = ?`,
        )
        .run(...this.eventColumns(event, sources, articleIds), new Date().toISOString(), eventSeq(id));
    },
    deleteEvent: async (id) => {
      this.db.prepare('DELETE FROM events WHERE seq = ?').run(eventSeq(id));
    },
    insertReport: async (id, articleId, index, event, reason) => {
      const seq = eventSeq(id);
      this.db
        .prepare(
          'INSERT INTO reports (event_seq, article_id, idx, data, merge_reason, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(seq, articleId, index, JSON.stringify(event), reason, new Date().toISOString());
      this.db
        .prepare(
          'UPDATE events SET report_count = (SELECT count(*) FROM reports WHERE event_seq = ?) WHERE seq = ?',
        )
        .run(seq, seq);
    },
    deleteReport: async (id) => {
      this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
    },
  };

  private eventColumns(e: Event, sources: string[], articleIds: number[]) {
    return [
      e.event_date,
      e.event_type,
      e.sub_event_type,
      e.country,
      e.admin1,
      actorsText(e),
      e.latitude,
      e.longitude,
      e.fatalities,
      e.confidence,
      JSON.stringify(e),
      JSON.stringify(sources),
      JSON.stringify(articleIds),
    ] as const;
  }

  private findArticleSync(url: string | undefined, hash: string): StoredArticle | null {
    const r = (
      url
        ? this.db
            .prepare('SELECT * FROM articles WHERE content_hash = ? OR canonical_url = ? LIMIT 1')
            .get(hash, url)
        : this.db.prepare('SELECT * FROM articles WHERE content_hash = ?').get(hash)
    ) as Row | undefined;
    return r ? articleFromRow(r) : null;
  }

  private getArticleSync(id: number): StoredArticle | null {
    const r = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return r ? articleFromRow(r) : null;
  }

  async findArticle(url: string | undefined, hash: string) {
    return this.findArticleSync(url, hash);
  }

  async getArticle(id: number) {
    return this.getArticleSync(id);
  }

  async listArticles(opts: { limit?: number; cursor?: string; q?: string }) {
    const limit = Math.min(Math.max(1, opts.limit ?? 50), MAX_PAGE);
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.q !== undefined) {
      const fts = ftsQuery(opts.q);
      if (!fts) return { count: 0, articles: [], next: null };
      where.push('id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
      params.push(fts);
    }
    const count = Number(
      (
        this.db
          .prepare(`SELECT count(*) AS n FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
          .get(...params) as Row
      ).n,
    );
    if (opts.cursor) {
      const [, after] = decodeCursor(opts.cursor, isCursor);
      where.push('id < ?');
      params.push(after);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, limit + 1) as Row[];
    const articles = rows.slice(0, limit).map(articleFromRow);
    const next = rows.length > limit ? encodeCursor(['a', articles[articles.length - 1]!.id]) : null;
    return { count, articles, next };
  }

  async articleIds(afterId: number, limit: number): Promise<number[]> {
    return (
      this.db.prepare('SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as Row[]
    ).map((r) => Number(r.id));
  }

  async articleReports(articleId: number): Promise<Report[]> {
    return this.tx.reportsOfArticle(articleId);
  }

  async getEvent(id: string): Promise<EventWithReports | null> {
    const seq = eventSeq(id);
    if (seq === null) return null;
    const r = this.db.prepare('SELECT * FROM events WHERE seq = ?').get(seq) as Row | undefined;
    if (!r) return null;
    return { ...eventFromRow(r), reports: this.reportsWithArticles(seq) };
  }

  /** An event's reports, oldest first, each with its article. */
  private reportsWithArticles(seq: number | null): ReportWithArticle[] {
    return (
      this.db
        .prepare(
          `SELECT r.*, a.title, a.url, a.source, a.published, a.lang FROM reports r JOIN articles a ON a.id = r.article_id
           WHERE r.event_seq = ? ORDER BY r.id`,
        )
        .all(seq) as Row[]
    ).map((row) => ({ ...reportFromRow(row), article: reportArticleFromRow(row) }));
  }

  /** The WHERE clause of a filter and its parameters; null when nothing can match. */
  private filterWhere(filter: EventFilter): { where: string[]; params: unknown[] } | null {
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (col: string, v: string | undefined) => {
      if (v !== undefined && v !== '') {
        where.push(`${col} = ? COLLATE NOCASE`);
        params.push(v);
      }
    };
    eq('country', filter.country);
    eq('admin1', filter.admin1);
    eq('event_type', filter.eventType);
    eq('sub_event_type', filter.subEventType);
    if (filter.actor) {
      where.push('instr(actors, ?) > 0');
      params.push(filter.actor.toLowerCase());
    }
    if (filter.dateFrom) {
      where.push('event_date >= ?');
      params.push(filter.dateFrom);
    }
    if (filter.dateTo) {
      where.push('event_date <= ?');
      params.push(filter.dateTo);
    }
    if (filter.minFatalities !== undefined) {
      where.push('fatalities >= ?');
      params.push(filter.minFatalities);
    }
    if (filter.bbox) {
      const [w, s, e, n] = filter.bbox;
      where.push('latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?');
      params.push(s, n, w, e);
    }
    if (filter.q !== undefined) {
      const fts = ftsQuery(filter.q);
      if (!fts) return null;
      where.push(
        'seq IN (SELECT event_seq FROM reports WHERE article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))',
      );
      params.push(fts);
    }
    return { where, params };
  }

  async listEvents(filter: EventFilter): Promise<EventPage> {
    const found = this.filterWhere(filter);
    if (!found) return { count: 0, events: [], next: null };
    const { where, params } = found;
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Without full text, count over the narrow index that holds every filtered column (the
    // planner would otherwise scan the wide rows); with it, the matching ids are looked up.
    const from = filter.q === undefined && where.length ? 'events INDEXED BY events_date_filters' : 'events';
    const count = Number(
      (this.db.prepare(`SELECT count(*) AS n FROM ${from} ${clause}`).get(...params) as Row).n,
    );
    const limit = Math.min(Math.max(1, filter.limit ?? 100), MAX_PAGE);
    let page = clause;
    const pageParams = [...params];
    if (filter.cursor) {
      const [date, seq] = decodeCursor(filter.cursor, isCursor);
      page += `${where.length ? ' AND' : 'WHERE'} (event_date < ? OR (event_date = ? AND seq < ?))`;
      pageParams.push(date, date, seq);
    }
    const rows = this.db
      .prepare(`SELECT * FROM events ${page} ORDER BY event_date DESC, seq DESC LIMIT ?`)
      .all(...pageParams, limit + 1) as Row[];
    const events = rows.slice(0, limit).map(eventFromRow);
    const last = rows[limit - 1];
    const next =
      rows.length > limit && last ? encodeCursor([String(last.event_date), Number(last.seq)]) : null;
    return { count, events, next };
  }

  async eventPoints(filter: EventFilter, cap: number): Promise<EventPoint[]> {
    const found = this.filterWhere(filter);
    if (!found) return [];
    const { where, params } = found;
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(
        `SELECT seq, event_date, event_type, country, admin1, latitude, longitude, fatalities,
                json_extract(data, '$.location') AS location
         FROM events ${clause} ORDER BY event_date DESC, seq DESC LIMIT ?`,
      )
      .all(...params, Math.max(0, cap)) as Row[];
    return rows.map(pointFromRow);
  }

  async counts() {
    const n = (t: string) => Number((this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as Row).n);
    return { articles: n('articles'), events: n('events'), reports: n('reports'), feeds: n('feeds') };
  }

  async addFeed(url: string, name: string): Promise<Feed> {
    const existing = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as Row | undefined;
    if (existing) throw new StoreInputError(`feed already added: ${url} (id ${existing.id})`);
    const info = this.db
      .prepare('INSERT INTO feeds (url, name, created_at) VALUES (?, ?, ?)')
      .run(url, name, new Date().toISOString());
    return feedFromRow(this.db.prepare('SELECT * FROM feeds WHERE id = ?').get(info.lastInsertRowid) as Row);
  }

  async listFeeds(): Promise<Feed[]> {
    return (this.db.prepare('SELECT * FROM feeds ORDER BY id').all() as Row[]).map(feedFromRow);
  }

  async removeFeed(idOrUrl: string): Promise<boolean> {
    const info = /^\d+$/.test(idOrUrl)
      ? this.db.prepare('DELETE FROM feeds WHERE id = ?').run(Number(idOrUrl))
      : this.db.prepare('DELETE FROM feeds WHERE url = ?').run(idOrUrl);
    return info.changes > 0;
  }

  async updateFeed(id: number, s: FeedState): Promise<void> {
    this.db
      .prepare(
        `UPDATE feeds SET etag = ?, last_modified = ?, last_polled = ?, last_status = ?, failures = ?, next_poll = ?
         WHERE id = ?`,
      )
      .run(
        s.etag ?? null,
        s.lastModified ?? null,
        s.lastPolled ?? null,
        s.lastStatus ?? null,
        s.failures,
        s.nextPoll ?? null,
        id,
      );
  }

  async check(): Promise<string[]> {
    const problems: string[] = [];
    const rows = this.db.prepare('PRAGMA integrity_check').all() as Row[];
    for (const r of rows) {
      const v = String(Object.values(r)[0]);
      if (v !== 'ok') problems.push(v);
    }
    const fk = this.db.prepare('PRAGMA foreign_key_check').all() as Row[];
    if (fk.length) problems.push(`${fk.length} foreign key violation(s)`);
    const orphan = Number(
      (
        this.db
          .prepare('SELECT count(*) AS n FROM events WHERE seq NOT IN (SELECT event_seq FROM reports)')
          .get() as Row
      ).n,
    );
    if (orphan) problems.push(`${orphan} event(s) without a report`);
    return problems;
  }
}
