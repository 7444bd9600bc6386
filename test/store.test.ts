import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordArticle, reextractArticle } from '../src/dedup/record.js';
import { articleEvents, scoreDedup } from '../src/eval/dedup.js';
import { createExtractor, type Extractor } from '../src/extract/index.js';
import { contentHash } from '../src/ingest/identity.js';
import { ingestItems } from '../src/ingest/pipeline.js';
import { readTargets } from '../src/ingest/sources.js';
import type { Event } from '../src/model/event.js';
import { parseEventFilter } from '../src/store/filter.js';
import { StoreInputError } from '../src/store/ids.js';
import { defaultDbPath, openStore, resolveDb } from '../src/store/open.js';
import { PostgresRepository } from '../src/store/postgres/repository.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';
import type { NewArticle, Repository } from '../src/store/types.js';
import { ROOT, tempDir } from './helpers.js';
import { createDatabase, dropDatabases, PG_URL } from './pg.js';

let extractor: Extractor;
beforeAll(() => {
  extractor = createExtractor();
});

/** The stores the shared tests run on: SQLite always, PostgreSQL when MARSAD_TEST_PG is set. */
interface Backend {
  name: string;
  /** A new, empty, unmigrated store. */
  open(): Promise<Repository>;
}

const BACKENDS: Backend[] = [{ name: 'SQLite', open: async () => new SqliteRepository(':memory:') }];
if (PG_URL)
  BACKENDS.push(
    { name: 'PostgreSQL', open: async () => PostgresRepository.connect(await createDatabase()) },
    {
      name: 'PostgreSQL without PostGIS',
      open: async () => PostgresRepository.connect(await createDatabase(), { postgis: false }),
    },
  );

const repos: Repository[] = [];
function track<R extends Repository>(r: R): R {
  repos.push(r);
  return r;
}
afterEach(async () => {
  try {
    await Promise.allSettled(repos.splice(0).map((r) => r.close()));
  } finally {
    if (PG_URL) await dropDatabases();
  }
});

function article(text: string, over: Partial<NewArticle> = {}): NewArticle {
  return {
    extId: 'a',
    contentHash: contentHash(text),
    lang: 'ar',
    text,
    fetched: '2024-03-12T10:00:00Z',
    published: '2024-03-12',
    ...over,
  };
}

const AR_1 =
  'قُتل خمسة عناصر من قوات سوريا الديمقراطية أمس في هجوم شنه تنظيم الدولة الإسلامية على حاجز قرب مدينة الحسكة.';
const EN_1 =
  'Islamic State militants killed seven SDF fighters in an attack on a checkpoint near the city of Hasakah on Monday, a monitor said.';

/** Four unrelated events, three in Syria and one in Iraq. */
const DISTINCT = [
  AR_1,
  'قتل ثلاثة مدنيين أمس في قصف مدفعي على بلدة سراقب في ريف إدلب.',
  'تظاهر المئات أمس في مدينة السويداء للمطالبة بإسقاط النظام.',
  'قتل جنديان عراقيان أمس في انفجار عبوة ناسفة في قضاء الطارمية شمال بغداد.',
];

function eventsOf(text: string, published = '2024-03-12'): Event[] {
  return extractor.extract({ id: 'x', text, published }).events;
}

describe.each(BACKENDS)('$name store', ({ open }) => {
  async function store(): Promise<Repository> {
    const r = track(await open());
    await r.migrate();
    return r;
  }

  it('migrates once and reports its version', async () => {
    const r = await store();
    const version = await r.migrate();
    expect(version).toBeGreaterThanOrEqual(1);
    expect(await r.migrate()).toBe(version);
    expect(await r.check()).toEqual([]);
  });

  it('stores an article once: the same content or the same URL is a duplicate', async () => {
    const r = await store();
    const a = article(AR_1, { canonicalUrl: 'https://a.example/1' });
    const first = await r.transaction((tx) => recordArticle(tx, a, eventsOf(AR_1)));
    expect(first.status).toBe('new');
    expect(first.events.length).toBeGreaterThan(0);
    const again = await r.transaction((tx) => recordArticle(tx, { ...a, extId: 'b' }, eventsOf(AR_1)));
    expect(again).toMatchObject({ status: 'duplicate', duplicateOf: 'same content' });
    const sameUrl = article(`${AR_1} تحديث`, { canonicalUrl: 'https://a.example/1' });
    expect((await r.transaction((tx) => recordArticle(tx, sameUrl, []))).duplicateOf).toBe('same URL');
    expect((await r.counts()).articles).toBe(1);
    // the event comes back as it went in, to the order of its fields
    const stored = await r.getEvent(first.events[0]!.eventId);
    expect(JSON.stringify(stored!.event)).toBe(JSON.stringify(eventsOf(AR_1)[0]));
    expect((await r.getArticle(first.articleId))!.canonicalUrl).toBe('https://a.example/1');
  });

  it('merges an Arabic and an English report of one attack into one event, with both sources', async () => {
    const r = await store();
    const a = await r.transaction((tx) =>
      recordArticle(tx, article(AR_1, { source: 'وكالة أ' }), eventsOf(AR_1, '2024-03-12')),
    );
    const b = await r.transaction((tx) =>
      recordArticle(
        tx,
        article(EN_1, { extId: 'b', lang: 'en', source: 'Wire B', published: '2024-03-12' }),
        eventsOf(EN_1, '2024-03-12'),
      ),
    );
    expect(b.events[0]!.merged).toBe(true);
    expect(b.events[0]!.eventId).toBe(a.events[0]!.eventId);
    const e = await r.getEvent(a.events[0]!.eventId);
    expect(e!.sources).toEqual(['وكالة أ', 'Wire B']);
    expect(e!.reports).toHaveLength(2);
    expect(e!.reports[1]!.mergeReason).toMatch(/Islamic State/);
    // fatalities reconciled: the most conservative figure, the other kept as the high end
    expect(e!.event.fatalities).toBe(5);
    expect(e!.event.fatalities_high).toBe(7);
    expect(e!.id).toMatch(/^MRS\d+$/);
  });

  it('re-extraction keeps event ids', async () => {
    const r = await store();
    const a = await r.transaction((tx) => recordArticle(tx, article(AR_1), eventsOf(AR_1)));
    const id = a.events[0]!.eventId;
    const out = await r.transaction((tx) => reextractArticle(tx, a.articleId, eventsOf(AR_1)));
    expect(out[0]!.eventId).toBe(id);
    expect((await r.counts()).events).toBe(1);
    // an article whose new extraction has no event loses its event
    await r.transaction((tx) => reextractArticle(tx, a.articleId, []));
    expect((await r.counts()).events).toBe(0);
    expect(await r.check()).toEqual([]);
  });

  it('searches normalised Arabic (the article and clitics do not matter) and English', async () => {
    const r = await store();
    await r.transaction((tx) => recordArticle(tx, article(AR_1), eventsOf(AR_1)));
    await r.transaction((tx) => recordArticle(tx, article(EN_1, { extId: 'b', lang: 'en' }), eventsOf(EN_1)));
    for (const q of ['حسكه', 'بالحسكة', 'الحسكة', 'مدينة الحسكة']) {
      expect((await r.listArticles({ q })).count, q).toBe(1);
    }
    expect((await r.listArticles({ q: 'checkpoint Hasakah' })).count).toBe(1);
    expect((await r.listArticles({ q: '"OR" NEAR(' })).count).toBe(0);
    expect((await r.listEvents({ q: 'الحسكة' })).count).toBe(1);
  });

  it('filters events ACLED-style and pages with a cursor', async () => {
    const r = await store();
    const texts = [
      'قتل ثلاثة مدنيين أمس في قصف مدفعي على بلدة سراقب في ريف إدلب.',
      'تظاهر المئات أمس في مدينة السويداء للمطالبة بإسقاط النظام.',
      'قتل جنديان عراقيان أمس في انفجار عبوة ناسفة في قضاء الطارمية شمال بغداد.',
      'Security forces arrested 12 people in the town of Kasserine on Monday.',
    ];
    for (const [i, t] of texts.entries())
      await r.transaction((tx) =>
        recordArticle(tx, article(t, { extId: `t${i}`, lang: i === 3 ? 'en' : 'ar' }), eventsOf(t)),
      );
    const all = await r.listEvents({});
    expect(all.count).toBeGreaterThanOrEqual(4);
    expect((await r.listEvents({ country: 'syria' })).events.every((e) => e.event.country === 'Syria')).toBe(
      true,
    );
    expect((await r.listEvents({ eventType: 'Protests' })).events.map((e) => e.event.location)).toEqual([
      'As-Sweida',
    ]);
    expect((await r.listEvents({ minFatalities: 2 })).events.every((e) => e.event.fatalities >= 2)).toBe(
      true,
    );
    expect((await r.listEvents({ actor: 'protesters' })).count).toBe(1);
    const syriaBox: [number, number, number, number] = [35, 32, 42.5, 37.5];
    const syria = (await r.listEvents({ bbox: syriaBox })).events;
    expect(syria.length).toBeGreaterThan(0);
    expect(syria.every((e) => e.event.country === 'Syria')).toBe(true);
    // paging: two pages of 2 cover what one page of 4 does
    const p1 = await r.listEvents({ limit: 2 });
    const p2 = await r.listEvents({ limit: 2, cursor: p1.next! });
    const ids = [...p1.events, ...p2.events].map((e) => e.id);
    expect(ids).toEqual((await r.listEvents({ limit: 4 })).events.map((e) => e.id));
    await expect(r.listEvents({ cursor: 'garbage' })).rejects.toThrow(StoreInputError);
    // The light rows of the map and timeline: the same events, in the same order, capped.
    for (const f of [
      {},
      { country: 'Syria' },
      { eventType: 'Protests' },
      { q: 'الطارمية' },
      { bbox: syriaBox },
    ]) {
      const full = (await r.listEvents({ ...f, limit: 100 })).events;
      const points = await r.eventPoints(f, 100);
      expect(points.map((p) => p.id)).toEqual(full.map((e) => e.id));
      for (const [i, p] of points.entries()) {
        const e = full[i]!.event;
        expect(p).toEqual({
          id: full[i]!.id,
          date: e.event_date,
          eventType: e.event_type,
          country: e.country,
          admin1: e.admin1,
          location: e.location,
          latitude: e.latitude,
          longitude: e.longitude,
          fatalities: e.fatalities,
        });
      }
    }
    expect(await r.eventPoints({}, 2)).toHaveLength(2);
    expect(await r.eventPoints({ q: '"' }, 10)).toEqual([]);
  });

  it('keeps feeds with their polling state', async () => {
    const r = await store();
    const f = await r.addFeed('https://news.example/rss', 'News');
    await expect(r.addFeed('https://news.example/rss', 'News')).rejects.toThrow(/already added/);
    await r.updateFeed(f.id, { etag: '"x"', failures: 2, nextPoll: '2030-01-01T00:00:00Z' });
    expect((await r.listFeeds())[0]).toMatchObject({ etag: '"x"', failures: 2 });
    expect(await r.removeFeed(String(f.id))).toBe(true);
    expect(await r.listFeeds()).toEqual([]);
  });
});

describe.each(BACKENDS)('cross-report deduplication on our own test set ($name)', ({ open }) => {
  it('merges reports of one event from several outlets (ar/en) and keeps near-misses apart', async () => {
    const path = join(ROOT, 'test', 'fixtures', 'dedup', 'reports.jsonl');
    const r = track(await open());
    await r.migrate();
    const summary = await ingestItems(r, readTargets([path]), async (a) => extractor.extract(a));
    expect(summary.failed).toBe(0);
    const gold = new Map<string, string>();
    for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
      const o = JSON.parse(line) as { id: string; cluster: string };
      gold.set(o.id, o.cluster);
    }
    const score = scoreDedup(gold, await articleEvents(r));
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    // ingesting the same file again adds nothing and changes no event id
    const before = await articleEvents(r);
    const again = await ingestItems(r, readTargets([path]), async (a) => extractor.extract(a));
    expect(again).toMatchObject({ new: 0, duplicate: gold.size });
    expect(await articleEvents(r)).toEqual(before);
    expect(await r.check()).toEqual([]);
  });
});

describe.runIf(PG_URL)('PostgreSQL store', () => {
  it('opens from a postgres:// URL and migrates once, also when two processes start at once', async () => {
    const url = await createDatabase();
    const [a, b] = await Promise.all([openStore(url), openStore(url.replace(/^postgres:/, 'postgresql:'))]);
    track(a);
    track(b);
    expect(a.kind).toBe('postgres');
    expect(await a.migrate()).toBe(1);
    expect(await b.counts()).toEqual({ articles: 0, events: 0, reports: 0, feeds: 0 });
    await expect(openStore(url.replace(/\/[^/]*$/, '/marsad_no_such_database'))).rejects.toThrow();
  });

  it('uses PostGIS (a point and its GIST index) for the bounding box when the extension is there', async () => {
    const url = await createDatabase();
    const r = track(await PostgresRepository.connect(url));
    await r.migrate();
    const plain = track(await PostgresRepository.connect(await createDatabase(), { postgis: false }));
    await plain.migrate();
    expect(await plain.usesPostgis()).toBe(false);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const installed =
        (await c.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).rowCount === 1;
      expect(await r.usesPostgis()).toBe(installed);
      if (installed) {
        await c.query('SET enable_seqscan = off');
        const plan = await c.query(
          'EXPLAIN SELECT seq FROM events WHERE geog::geometry && ST_MakeEnvelope(35, 32, 42.5, 37.5, 4326)',
        );
        expect(plan.rows.map((x) => x['QUERY PLAN']).join('\n')).toMatch(/events_geog/);
      }
    } finally {
      await c.end();
    }
  });

  it('two instances storing reports of the same events at once end with one event per real event', async () => {
    const url = await createDatabase();
    // two workers, each with its own pool, migrating at once too
    const [a, b] = [
      track(await PostgresRepository.connect(url)),
      track(await PostgresRepository.connect(url)),
    ];
    await Promise.all([a.migrate(), b.migrate()]);
    const extracted = DISTINCT.map((t) => eventsOf(t));
    const real = extracted.reduce((n, e) => n + e.length, 0);
    expect(real).toBeGreaterThanOrEqual(DISTINCT.length);
    const COPIES = 8;
    const jobs: Promise<{ status: string; duplicateOf?: string }>[] = [];
    for (let copy = 0; copy < COPIES; copy++) {
      for (const [i, text] of DISTINCT.entries()) {
        // one outlet's article: same events, its own content hash and URL
        const own = article(text, {
          extId: `e${i}-c${copy}`,
          contentHash: contentHash(`${text} #${copy}`),
          canonicalUrl: `https://outlet${copy}.example/${i}`,
          source: `Outlet ${copy}`,
        });
        jobs.push(a.transaction((tx) => recordArticle(tx, own, extracted[i]!)));
        // the same article through the other worker, and an update of it at the same URL
        jobs.push(
          b.transaction((tx) => recordArticle(tx, { ...own, extId: `${own.extId}-again` }, extracted[i]!)),
        );
        const update = {
          ...own,
          extId: `${own.extId}-upd`,
          contentHash: contentHash(`${text} #${copy} upd`),
        };
        jobs.push(b.transaction((tx) => recordArticle(tx, update, extracted[i]!)));
      }
    }
    const results = await Promise.all(jobs);
    const n = DISTINCT.length * COPIES;
    expect(results.filter((r) => r.status === 'new')).toHaveLength(n);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(2 * n);
    const counts = await a.counts();
    expect(counts.articles).toBe(n);
    expect(counts.events).toBe(real);
    expect(counts.reports).toBe(real * COPIES);
    const page = await b.listEvents({ limit: 100 });
    expect(page.events.map((e) => e.reportCount)).toEqual(page.events.map(() => COPIES));
    expect(page.events.every((e) => e.sources.length === COPIES)).toBe(true);
    expect(await a.check()).toEqual([]);
    // re-extraction of every article through one worker while the other stores more reports
    const more: Promise<unknown>[] = [];
    for (const id of await a.articleIds(0, 1000)) {
      const art = (await a.getArticle(id))!;
      const i = DISTINCT.indexOf(art.text);
      more.push(a.transaction((tx) => reextractArticle(tx, id, extracted[i]!)));
      const extra = {
        ...art,
        extId: `${art.extId}-more`,
        contentHash: contentHash(`${art.contentHash} more`),
      };
      delete extra.canonicalUrl;
      more.push(b.transaction((tx) => recordArticle(tx, extra, extracted[i]!)));
    }
    await Promise.all(more);
    const after = await b.counts();
    expect(after).toMatchObject({ articles: 2 * n, events: real, reports: 2 * real * COPIES });
    const again = await a.listEvents({ limit: 100 });
    expect(again.events.map((e) => e.reportCount)).toEqual(again.events.map(() => 2 * COPIES));
    expect(again.events.map((e) => e.id).sort()).toEqual(page.events.map((e) => e.id).sort());
    expect(await a.check()).toEqual([]);
  });
  it('a store waits only for stores that could merge with it (its country, dates within a week)', async () => {
    const url = await createDatabase();
    const [a, b] = [
      track(await PostgresRepository.connect(url)),
      track(await PostgresRepository.connect(url)),
    ];
    await a.migrate();
    const store = (text: string, published: string, id: string) =>
      b.transaction((tx) =>
        recordArticle(
          tx,
          article(text, { extId: id, contentHash: contentHash(`${text} ${id}`), published }),
          eventsOf(text, published),
        ),
      );
    const iraq = await store(DISTINCT[3]!, '2024-03-12', 'iraq');
    // A transaction that holds the area of Syrian events of 2024-03-11 and does not commit yet.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const holder = a.transaction(async (tx) => {
      await tx.lockAreas!([{ country: 'Syria', dateFrom: '2024-03-08', dateTo: '2024-03-14' }]);
      entered();
      await gate;
    });
    await inside;
    const within = (p: Promise<unknown>, ms: number) =>
      Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
    // Iraq on the same days, and Syria three weeks later, do not wait for it.
    expect(await within(store(DISTINCT[3]!, '2024-03-12', 'iraq-2'), 10_000)).toBe(true);
    expect(await within(store(DISTINCT[1]!, '2024-04-05', 'syria-later'), 10_000)).toBe(true);
    expect(
      await within(
        b.transaction((tx) => reextractArticle(tx, iraq.articleId, eventsOf(DISTINCT[3]!))),
        10_000,
      ),
    ).toBe(true);
    // A Syrian report two days later could merge with what the holder stores: it waits, and so
    // does a re-extraction that touches Syrian events.
    const near = store(DISTINCT[1]!, '2024-03-14', 'syria-near');
    const later = (await b.articleIds(0, 10))[2]!;
    const reextract = b.transaction((tx) =>
      reextractArticle(tx, later, eventsOf(DISTINCT[1]!, '2024-04-05')),
    );
    expect(await within(near, 500)).toBe(false);
    expect(await within(reextract, 10)).toBe(false);
    release();
    await holder;
    expect((await near).status).toBe('new');
    await reextract;
    expect(await a.counts()).toMatchObject({ articles: 4, events: 3 });
    expect(await a.check()).toEqual([]);
  });
});

describe('SQLite store', () => {
  it('creates its file (and folder) and uses WAL', async () => {
    const path = join(tempDir(), 'sub', 'm.sqlite');
    const r = track(new SqliteRepository(path));
    expect(await r.migrate()).toBe(2);
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(true);
  });

  it('validates filters from strings', () => {
    expect(
      parseEventFilter({ event_type: 'battles', date_from: '2024-01-01', bbox: '35,32,42,37' }),
    ).toMatchObject({
      eventType: 'Battles',
      dateFrom: '2024-01-01',
      bbox: [35, 32, 42, 37],
    });
    const bad: Record<string, string>[] = [
      { event_type: 'War' },
      { date_from: '2024-13-45x' },
      { bbox: '1,2,3' },
      { limit: '0' },
      { nope: '1' },
    ];
    for (const b of bad) expect(() => parseEventFilter(b)).toThrow(StoreInputError);
  });

  it('chooses the database from the flag, then MARSAD_DB, then the data directory', () => {
    expect(resolveDb('x.sqlite', { MARSAD_DB: 'y.sqlite' })).toBe('x.sqlite');
    expect(resolveDb(undefined, { MARSAD_DB: 'y.sqlite' })).toBe('y.sqlite');
    expect(defaultDbPath({ XDG_DATA_HOME: '/data' })).toBe(join('/data', 'marsad', 'marsad.sqlite'));
  });
});
