/**
 * The team store: PostgreSQL through a `pg` connection pool, with the same semantics as the
 * SQLite store (src/store/sqlite/), so that the dedup logic and every reader work on either.
 *
 * Many workers may store articles at once. Each transaction runs at READ COMMITTED:
 *  - one article stored twice at once: the articles' unique indexes (content hash, canonical
 *    URL) make the second INSERT wait for the first transaction, then find its row (ON CONFLICT
 *    DO NOTHING): a duplicate, not an error;
 *  - reports of one event stored at once: before reading the candidate events of an area (a
 *    country and a date window), a transaction takes transaction-scoped advisory locks on the
 *    area, so the second waits for the first to commit and merges into the event it created.
 *    Each statement at READ COMMITTED sees what was committed before it began, so a read after
 *    the lock sees the other's commit. See areaLocks for why two reports that could merge always
 *    share a lock while reports of other countries or other weeks do not wait for each other.
 * Deadlocks (40P01) and serialisation failures (40001) are retried, the whole transaction again.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
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
  EventArea,
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
import { PG_MIGRATIONS, type Queryable } from './migrations.js';
import { OutageWaiter } from './outage.js';

const MAX_PAGE = 1000;
/** Advisory lock namespaces (the first key of pg_advisory_[xact_]lock(int, int)): "MRSD" + n. */
const LOCK_MIGRATE = 0x4d525344;
const LOCK_ARTICLE = LOCK_MIGRATE + 1;
const LOCK_COUNTRY = LOCK_MIGRATE + 2;
const LOCK_AREA = LOCK_MIGRATE + 3;
/** Days per area lock (a country's weeks since 1970-01-01). */
const AREA_DAYS = 7;
const MAX_ATTEMPTS = 8;
/** serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);

function retryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PostgreSQL text cannot hold NUL characters. */
function clean(v: string): string;
function clean(v: string | undefined): string | null;
function clean(v: string | undefined): string | null {
  return v === undefined ? null : v.includes('\0') ? v.replace(/\0/g, '') : v;
}

function json(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'string' ? clean(x) : x));
}

// jsonb keeps keys sorted its own way: put them back in the event model's order.
const EVENT_KEYS = [
  'event_date',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'assoc_actor_1',
  'assoc_actor_2',
  'inter1',
  'inter2',
  'interaction',
  'civilian_targeting',
  'country',
  'iso',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'notes',
  'confidence',
  'evidence',
  'fatalities_low',
  'fatalities_high',
  'wounded',
  'arrested',
  'location_ar',
  'actor1_ar',
  'actor2_ar',
];
const EVIDENCE_KEYS = ['field', 'start', 'end', 'text', 'part'];

function ordered(o: Row, keys: readonly string[]): Row {
  const out: Row = {};
  for (const k of keys) if (k in o) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k];
  return out;
}

function eventFromJson(v: unknown): Event {
  const e = ordered(v as Row, EVENT_KEYS);
  if (Array.isArray(e.evidence)) e.evidence = e.evidence.map((x) => ordered(x as Row, EVIDENCE_KEYS));
  return e as unknown as Event;
}

function reportFromRow(r: Row): Report {
  return reportRow(r, eventFromJson(r.data));
}

function eventFromRow(r: Row): StoredEvent {
  return {
    id: eventId(Number(r.seq)),
    event: eventFromJson(r.data),
    sources: r.sources as string[],
    articleIds: (r.article_ids as unknown[]).map(Number),
    reportCount: Number(r.report_count),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

/**
 * A tsquery in which every word must occur. The words are letters and digits only
 * (queryWords), and each is quoted as a lexeme besides; the query goes in as a parameter.
 */
function tsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length
    ? words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ')
    : null;
}

async function rows(c: Queryable, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await c.query(sql, params)).rows;
}

async function one(c: Queryable, sql: string, params: unknown[] = []): Promise<Row | undefined> {
  return (await c.query(sql, params)).rows[0];
}

async function findArticleIn(
  c: Queryable,
  url: string | undefined,
  hash: string,
): Promise<StoredArticle | null> {
  const r = url
    ? await one(
        c,
        'SELECT * FROM articles WHERE content_hash = $1 OR canonical_url = $2 ORDER BY id LIMIT 1',
        [hash, clean(url)],
      )
    : await one(c, 'SELECT * FROM articles WHERE content_hash = $1', [hash]);
  return r ? articleFromRow(r) : null;
}

async function getArticleIn(c: Queryable, id: number): Promise<StoredArticle | null> {
  const r = await one(c, 'SELECT * FROM articles WHERE id = $1', [id]);
  return r ? articleFromRow(r) : null;
}

/** One advisory lock: a namespace, a key (hashed by hashtext) and its mode. */
interface LockKey {
  ns: number;
  key: string;
  shared: boolean;
}

/**
 * The locks taken before reading the candidate events of `country` in [dateFrom, dateTo]: the
 * country, shared, and each week the window touches, exclusive. Two reports that could merge
 * are in one country at most MAX_DAYS_WEEK days apart, so each one's window (its date ±
 * MAX_DAYS_WEEK) holds the other's date, and both lock that date's week. A transaction only
 * writes events whose date lies in its window (a new event on its report's date; a merged event
 * keeps the date of its old value or of the new report), so whatever it writes that another
 * could read lies in a week both lock. Re-extraction, which changes events it cannot know in
 * advance, locks their countries exclusively (reportsOfArticle), and so waits for every store
 * in those countries.
 */
function areaLocks(country: string, dateFrom: string, dateTo: string): LockKey[] {
  const c = clean(country);
  const week = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / 86_400_000 / AREA_DAYS);
  const [first, last] = [week(dateFrom), week(dateTo)];
  // A date that does not parse cannot be split by week: the whole country, exclusive.
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first || last - first > 60)
    return [{ ns: LOCK_COUNTRY, key: c, shared: false }];
  const keys: LockKey[] = [{ ns: LOCK_COUNTRY, key: c, shared: true }];
  for (let w = first; w <= last; w++) keys.push({ ns: LOCK_AREA, key: `${c}|${w}`, shared: false });
  return keys;
}

function eventColumns(e: Event, sources: string[], articleIds: number[]): unknown[] {
  return [
    clean(e.event_date),
    clean(e.event_type),
    clean(e.sub_event_type),
    clean(e.country),
    clean(e.admin1),
    clean(actorsText(e)),
    e.latitude,
    e.longitude,
    e.fatalities,
    e.confidence,
    json(e),
    json(sources),
    json(articleIds),
  ];
}

const statementNames = new Map<string, string>();

/**
 * A name for a statement's text: PostgreSQL parses and plans a named statement once per
 * connection, then only binds and executes it.
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `marsad_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * One transaction's connection. The dedup code may ask for several things at once
 * (Promise.all); a pg client must get its queries one after another, so they queue here.
 */
class SerialClient implements Queryable {
  /** Settles when the previous query has (never rejects). */
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly c: pg.PoolClient) {}

  query(text: string, values?: unknown[]) {
    const run = this.last.then(() => this.c.query({ name: statementName(text), text, values }));
    this.last = run.catch(() => {});
    return run;
  }
}

/** An event's reports with their articles (title, URL, outlet...), oldest first. */
async function reportsWithArticles(c: Queryable, seq: number | null): Promise<ReportWithArticle[]> {
  return (
    await rows(
      c,
      `SELECT r.*, a.title, a.url, a.source, a.published, a.lang FROM reports r JOIN articles a ON a.id = r.article_id
       WHERE r.event_seq = $1 ORDER BY r.id`,
      [seq],
    )
  ).map((row) => ({ ...reportFromRow(row), article: reportArticleFromRow(row) }));
}

/** The operations of one transaction, on its dedicated connection. */
class PgTx implements StoreTx {
  private readonly c: SerialClient;
  /** Advisory locks this transaction holds ("ns:key"), true when only shared. */
  private readonly held = new Map<string, boolean>();

  constructor(client: pg.PoolClient) {
    this.c = new SerialClient(client);
  }

  /**
   * Takes the locks not yet held, in one statement and in one order (namespace, then hash), so
   * that transactions announcing their areas up front (lockAreas) never wait in a cycle.
   */
  private async lock(keys: readonly LockKey[]): Promise<void> {
    const todo = new Map<string, LockKey>();
    for (const k of keys) {
      const id = `${k.ns}:${k.key}`;
      const held = this.held.get(id);
      if (held === false || (held === true && k.shared)) continue;
      const prev = todo.get(id);
      if (!prev || (prev.shared && !k.shared)) todo.set(id, k);
    }
    if (!todo.size) return;
    const list = [...todo.values()];
    await this.c.query(
      `SELECT CASE WHEN s THEN pg_advisory_xact_lock_shared(ns, hashtext(k)) ELSE pg_advisory_xact_lock(ns, hashtext(k)) END
       FROM (SELECT ns, k, s FROM unnest($1::int[], $2::text[], $3::bool[]) AS u(ns, k, s) ORDER BY ns, hashtext(k), s) o`,
      [list.map((k) => k.ns), list.map((k) => k.key), list.map((k) => k.shared)],
    );
    for (const k of list) this.held.set(`${k.ns}:${k.key}`, k.shared);
  }

  findArticle(url: string | undefined, hash: string): Promise<StoredArticle | null> {
    return findArticleIn(this.c, url, hash);
  }

  findArticleById(id: number): Promise<StoredArticle | null> {
    return getArticleIn(this.c, id);
  }

  async insertArticle(a: NewArticle, extractedAt?: string): Promise<number | null> {
    const r = await one(
      this.c,
      `INSERT INTO articles (ext_id, url, canonical_url, content_hash, lang, title, text, published, fetched, source,
         feed_id, search, extracted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_tsvector('simple', $12), $13)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        clean(a.extId),
        clean(a.url),
        clean(a.canonicalUrl),
        a.contentHash,
        a.lang,
        clean(a.title),
        clean(a.text),
        clean(a.published),
        a.fetched,
        clean(a.source),
        a.feedId ?? null,
        clean(searchDocument(a.title, a.text)),
        extractedAt ?? null,
      ],
    );
    // Stored already, or meanwhile by a transaction this INSERT waited for.
    return r ? Number(r.id) : null;
  }

  async markExtracted(articleId: number, at: string): Promise<void> {
    await this.c.query('UPDATE articles SET extracted_at = $1 WHERE id = $2', [at, articleId]);
  }

  async lockAreas(areas: readonly EventArea[]): Promise<void> {
    await this.lock(areas.flatMap((a) => areaLocks(a.country, a.dateFrom, a.dateTo)));
  }

  async candidateEvents(country: string, dateFrom: string, dateTo: string): Promise<StoredEvent[]> {
    // Two reports of one event stored at once: the second waits here (or in lockAreas) for the
    // first to commit, then sees its event (READ COMMITTED: this SELECT's snapshot is taken
    // after the lock).
    await this.lock(areaLocks(country, dateFrom, dateTo));
    return (
      await rows(
        this.c,
        `SELECT * FROM events WHERE lower(country) = lower($1) AND country = $1 AND event_date BETWEEN $2 AND $3
         ORDER BY seq`,
        [clean(country), dateFrom, dateTo],
      )
    ).map(eventFromRow);
  }

  reportsOf(id: string): Promise<ReportWithArticle[]> {
    return reportsWithArticles(this.c, eventSeq(id));
  }

  async reportsOfArticle(articleId: number): Promise<Report[]> {
    // Re-extraction starts here. Before it changes any event, it locks the country of each event
    // it touches, exclusively: storing a report takes its country shared, so re-extraction waits
    // for those in progress and they wait for it. It never holds an event row that a worker
    // holding a lock it wants waits for (a deadlock). It locks the article too, so that two
    // re-extractions of one article run one after the other.
    await this.c.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [
      LOCK_ARTICLE,
      `id:${articleId}`,
    ]);
    const countries = await rows(
      this.c,
      `SELECT DISTINCT e.country FROM reports r JOIN events e ON e.seq = r.event_seq WHERE r.article_id = $1
       ORDER BY e.country`,
      [articleId],
    );
    await this.lock(
      countries.map((r) => ({ ns: LOCK_COUNTRY, key: clean(String(r.country)), shared: false })),
    );
    return (await rows(this.c, 'SELECT * FROM reports WHERE article_id = $1 ORDER BY idx', [articleId])).map(
      reportFromRow,
    );
  }

  async insertEvent(event: Event, sources: string[], articleIds: number[]): Promise<string> {
    const now = new Date().toISOString();
    const r = await one(
      this.c,
      `INSERT INTO events (event_date, event_type, sub_event_type, country, admin1, actors, latitude, longitude,
         fatalities, confidence, data, sources, article_ids, report_count, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, 0, $14, $15)
       RETURNING seq`,
      [...eventColumns(event, sources, articleIds), now, now],
    );
    return eventId(Number(r!.seq));
  }

  async updateEvent(id: string, event: Event, sources: string[], articleIds: number[]): Promise<void> {
    await this.c.query(
      `UPDATE events SET event_date = $1, event_type = $2, sub_event_type = $3, country = $4, admin1 = $5,
         actors = $6, latitude = $7, longitude = $8, fatalities = $9, confidence = $10, data = $11::jsonb,
         sources = $12::jsonb, article_ids = $13::jsonb,
         report_count = (SELECT count(*) FROM reports WHERE event_seq = events.seq), updated_at = $14
       WHERE seq = $15`,
      [...eventColumns(event, sources, articleIds), new Date().toISOString(), eventSeq(id)],
    );
  }

  async deleteEvent(id: string): Promise<void> {
    await this.c.query('DELETE FROM events WHERE seq = $1', [eventSeq(id)]);
  }

  async insertReport(
    id: string,
    articleId: number,
    index: number,
    event: Event,
    mergeReason: string,
  ): Promise<void> {
    // One statement: the count (read before this statement's own insert) plus the new report.
    await this.c.query(
      `WITH r AS (
         INSERT INTO reports (event_seq, article_id, idx, data, merge_reason, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       )
       UPDATE events SET report_count = (SELECT count(*) FROM reports WHERE event_seq = $1) + 1 WHERE seq = $1`,
      [eventSeq(id), articleId, index, json(event), clean(mergeReason), new Date().toISOString()],
    );
  }

  async deleteReport(id: number): Promise<void> {
    await this.c.query('DELETE FROM reports WHERE id = $1', [id]);
  }
}

export interface PostgresOptions {
  /** Enable PostGIS at migration when available (default true); false keeps the lat/lon fallback. */
  postgis?: boolean;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /**
   * How long connecting, storing an article (transaction) and looking one up (findArticle) wait
   * for a server that is down or restarting before failing (default 0: they fail at once).
   */
  waitForServerMs?: number;
  /** Where the waiting is told ("waiting for PostgreSQL…"). */
  log?: (line: string) => void;
  /** Ends the waiting early (shutdown). */
  signal?: AbortSignal;
}

export class PostgresRepository implements Repository {
  readonly kind = 'postgres';
  /** Whether events have a PostGIS point (known after migrate(), or on first use). */
  private geog: boolean | undefined;
  private closed = false;
  /** Waits through outages when opts.waitForServerMs is set. */
  private readonly waiter: OutageWaiter | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly opts: PostgresOptions,
  ) {
    const { waitForServerMs: waitMs, log, signal } = opts;
    this.waiter = waitMs
      ? new OutageWaiter({ waitMs, ...(log && { log }), ...(signal && { signal }) })
      : undefined;
  }

  /** Runs `fn`, waiting through a PostgreSQL outage when so configured. */
  private waiting<T>(fn: () => Promise<T>): Promise<T> {
    return this.waiter ? this.waiter.run(fn) : fn();
  }

  /** Opens a pool on `url` (postgres://user:password@host:port/db) and checks that it connects. */
  static async connect(url: string, opts: PostgresOptions = {}): Promise<PostgresRepository> {
    const pool = new pg.Pool({ connectionString: url, max: opts.maxConnections ?? 10 });
    // An idle connection that breaks (server restart) must not crash the process: the next
    // query gets a fresh one.
    pool.on('error', () => {});
    const repo = new PostgresRepository(pool, opts);
    try {
      await repo.waiting(() => pool.query('SELECT 1'));
    } catch (e) {
      await pool.end().catch(() => {});
      throw e;
    }
    return repo;
  }

  async migrate(): Promise<number> {
    const c = await this.pool.connect();
    const onError = () => {};
    c.on('error', onError);
    try {
      // Two processes starting at once: the second waits, then finds nothing left to do.
      await c.query('SELECT pg_advisory_lock($1::int, 0)', [LOCK_MIGRATE]);
      try {
        await c.query(
          `CREATE TABLE IF NOT EXISTS schema_migrations (
             version integer PRIMARY KEY,
             name text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now()
           )`,
        );
        const current = Number(
          (await one(c, 'SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))!.v,
        );
        if (current > PG_MIGRATIONS.length)
          throw new Error(
            `database schema version ${current} is newer than this Marsad (${PG_MIGRATIONS.length})`,
          );
        for (let v = current; v < PG_MIGRATIONS.length; v++) {
          const m = PG_MIGRATIONS[v]!;
          await c.query('BEGIN');
          try {
            await m.up(c, { postgis: this.opts.postgis ?? true });
            await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [v + 1, m.name]);
            await c.query('COMMIT');
          } catch (e) {
            await c.query('ROLLBACK');
            throw e;
          }
        }
        this.geog = await this.hasGeog(c);
      } finally {
        await c.query('SELECT pg_advisory_unlock($1::int, 0)', [LOCK_MIGRATE]);
      }
    } finally {
      c.off('error', onError);
      c.release();
    }
    return PG_MIGRATIONS.length;
  }

  /** Whether the store uses PostGIS for the bounding-box filter. */
  async usesPostgis(): Promise<boolean> {
    if (this.geog === undefined) this.geog = await this.hasGeog(this.pool);
    return this.geog;
  }

  private async hasGeog(c: Queryable): Promise<boolean> {
    return !!(await one(
      c,
      `SELECT 1 FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'geog'`,
    ));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /**
   * Runs `fn` in a transaction. With waitForServerMs, a transaction cut off by a lost connection
   * is run again once the server is back; one whose COMMIT was cut off may have committed, and
   * then finds its article stored (a duplicate), so nothing is stored twice.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.waiting(() => this.transactionOnce(fn));
  }

  private async transactionOnce<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      let broken = false;
      // The server may end the connection while we hold it (restart, pg_terminate_backend): the
      // query in flight fails, and the client's 'error' event must not end the process. The
      // broken client is dropped from the pool on release; the next transaction gets a new one.
      const onError = () => {
        broken = true;
      };
      c.on('error', onError);
      try {
        await c.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        try {
          const out = await fn(new PgTx(c));
          await c.query('COMMIT');
          return out;
        } catch (e) {
          await c.query('ROLLBACK').catch(() => {
            broken = true;
          });
          throw e;
        }
      } catch (e) {
        if (attempt < MAX_ATTEMPTS && retryable(e)) {
          await sleep(Math.random() * 10 * attempt);
          continue;
        }
        throw e;
      } finally {
        c.off('error', onError);
        c.release(broken);
      }
    }
  }

  findArticle(url: string | undefined, hash: string): Promise<StoredArticle | null> {
    // A worker asks this before extracting each article: a prepared statement.
    const prepared: Queryable = {
      query: (text, values) => this.pool.query({ name: statementName(text), text, values }),
    };
    return this.waiting(() => findArticleIn(prepared, url, hash));
  }

  getArticle(id: number): Promise<StoredArticle | null> {
    return getArticleIn(this.pool, id);
  }

  async articleReports(articleId: number): Promise<Report[]> {
    return (
      await rows(this.pool, 'SELECT * FROM reports WHERE article_id = $1 ORDER BY idx', [articleId])
    ).map(reportFromRow);
  }

  async listArticles(opts: { limit?: number; cursor?: string; q?: string }) {
    const limit = Math.min(Math.max(1, opts.limit ?? 50), MAX_PAGE);
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.q !== undefined) {
      const tsq = tsQuery(opts.q);
      if (!tsq) return { count: 0, articles: [], next: null };
      params.push(tsq);
      where.push(`search @@ to_tsquery('simple', $${params.length})`);
    }
    const count = Number(
      (await one(
        this.pool,
        `SELECT count(*) AS n FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params,
      ))!.n,
    );
    if (opts.cursor) {
      const [, after] = decodeCursor(opts.cursor, isCursor);
      params.push(after);
      where.push(`id < $${params.length}`);
    }
    params.push(limit + 1);
    const found = await rows(
      this.pool,
      `SELECT * FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const articles = found.slice(0, limit).map(articleFromRow);
    const next = found.length > limit ? encodeCursor(['a', articles[articles.length - 1]!.id]) : null;
    return { count, articles, next };
  }

  async articleIds(afterId: number, limit: number): Promise<number[]> {
    return (
      await rows(this.pool, 'SELECT id FROM articles WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit])
    ).map((r) => Number(r.id));
  }

  async getEvent(id: string): Promise<EventWithReports | null> {
    const seq = eventSeq(id);
    if (seq === null) return null;
    const r = await one(this.pool, 'SELECT * FROM events WHERE seq = $1', [seq]);
    if (!r) return null;
    return { ...eventFromRow(r), reports: await reportsWithArticles(this.pool, seq) };
  }

  /**
   * The WHERE clause of a filter and its parameters ($1...; `p` adds more); null when nothing
   * can match.
   */
  private async filterWhere(
    filter: EventFilter,
  ): Promise<{ where: string[]; params: unknown[]; p: (v: unknown) => string } | null> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const eq = (col: string, v: string | undefined) => {
      if (v !== undefined && v !== '') where.push(`lower(${col}) = lower(${p(clean(v))})`);
    };
    eq('country', filter.country);
    eq('admin1', filter.admin1);
    eq('event_type', filter.eventType);
    eq('sub_event_type', filter.subEventType);
    if (filter.actor) where.push(`strpos(actors, ${p(clean(filter.actor.toLowerCase()))}) > 0`);
    if (filter.dateFrom) where.push(`event_date >= ${p(filter.dateFrom)}`);
    if (filter.dateTo) where.push(`event_date <= ${p(filter.dateTo)}`);
    if (filter.minFatalities !== undefined) where.push(`fatalities >= ${p(filter.minFatalities)}`);
    if (filter.bbox) {
      const [w, s, e, n] = filter.bbox;
      const exact = `latitude BETWEEN ${p(s)} AND ${p(n)} AND longitude BETWEEN ${p(w)} AND ${p(e)}`;
      // The GIST index finds the candidates; the exact test keeps the SQLite store's meaning.
      if (await this.usesPostgis())
        where.push(
          `geog::geometry && ST_MakeEnvelope(${p(w)}::float8, ${p(s)}::float8, ${p(e)}::float8, ${p(n)}::float8, 4326)`,
        );
      where.push(exact);
    }
    if (filter.q !== undefined) {
      const tsq = tsQuery(filter.q);
      if (!tsq) return null;
      where.push(
        `seq IN (SELECT event_seq FROM reports WHERE article_id IN
           (SELECT id FROM articles WHERE search @@ to_tsquery('simple', ${p(tsq)})))`,
      );
    }
    return { where, params, p };
  }

  async listEvents(filter: EventFilter): Promise<EventPage> {
    const filtered = await this.filterWhere(filter);
    if (!filtered) return { count: 0, events: [], next: null };
    const { where, params, p } = filtered;
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const count = Number((await one(this.pool, `SELECT count(*) AS n FROM events ${clause}`, params))!.n);
    const limit = Math.min(Math.max(1, filter.limit ?? 100), MAX_PAGE);
    let page = clause;
    if (filter.cursor) {
      const [date, seq] = decodeCursor(filter.cursor, isCursor);
      const d = p(date);
      page += `${where.length ? ' AND' : 'WHERE'} (event_date < ${d} OR (event_date = ${d} AND seq < ${p(seq)}))`;
    }
    const found = await rows(
      this.pool,
      `SELECT * FROM events ${page} ORDER BY event_date DESC, seq DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const events = found.slice(0, limit).map(eventFromRow);
    const last = found[limit - 1];
    const next =
      found.length > limit && last ? encodeCursor([String(last.event_date), Number(last.seq)]) : null;
    return { count, events, next };
  }

  async eventPoints(filter: EventFilter, cap: number): Promise<EventPoint[]> {
    const filtered = await this.filterWhere(filter);
    if (!filtered) return [];
    const { where, params, p } = filtered;
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const found = await rows(
      this.pool,
      `SELECT seq, event_date, event_type, country, admin1, latitude, longitude, fatalities,
              data->>'location' AS location
       FROM events ${clause} ORDER BY event_date DESC, seq DESC LIMIT ${p(Math.max(0, cap))}`,
      params,
    );
    return found.map(pointFromRow);
  }

  async counts() {
    const r = (await one(
      this.pool,
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM feeds) AS feeds`,
    ))!;
    return {
      articles: Number(r.articles),
      events: Number(r.events),
      reports: Number(r.reports),
      feeds: Number(r.feeds),
    };
  }

  async addFeed(url: string, name: string): Promise<Feed> {
    const r = await one(
      this.pool,
      'INSERT INTO feeds (url, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING RETURNING *',
      [clean(url), clean(name), new Date().toISOString()],
    );
    if (r) return feedFromRow(r);
    const existing = await one(this.pool, 'SELECT id FROM feeds WHERE url = $1', [clean(url)]);
    throw new StoreInputError(`feed already added: ${url} (id ${existing?.id})`);
  }

  async listFeeds(): Promise<Feed[]> {
    return (await rows(this.pool, 'SELECT * FROM feeds ORDER BY id')).map(feedFromRow);
  }

  async removeFeed(idOrUrl: string): Promise<boolean> {
    const r = /^\d{1,15}$/.test(idOrUrl)
      ? await this.pool.query('DELETE FROM feeds WHERE id = $1', [Number(idOrUrl)])
      : await this.pool.query('DELETE FROM feeds WHERE url = $1', [clean(idOrUrl)]);
    return (r.rowCount ?? 0) > 0;
  }

  async updateFeed(id: number, s: FeedState): Promise<void> {
    await this.pool.query(
      `UPDATE feeds SET etag = $1, last_modified = $2, last_polled = $3, last_status = $4, failures = $5,
         next_poll = $6
       WHERE id = $7`,
      [
        clean(s.etag),
        clean(s.lastModified),
        clean(s.lastPolled),
        clean(s.lastStatus),
        s.failures,
        clean(s.nextPoll),
        id,
      ],
    );
  }

  async check(): Promise<string[]> {
    const problems: string[] = [];
    const n = async (sql: string) => Number((await one(this.pool, sql))!.n);
    const orphan = await n(
      'SELECT count(*) AS n FROM events WHERE seq NOT IN (SELECT event_seq FROM reports)',
    );
    if (orphan) problems.push(`${orphan} event(s) without a report`);
    const miscounted = await n(
      `SELECT count(*) AS n FROM events e
       WHERE report_count <> (SELECT count(*) FROM reports r WHERE r.event_seq = e.seq)`,
    );
    if (miscounted) problems.push(`${miscounted} event(s) with a wrong report count`);
    return problems;
  }
}
