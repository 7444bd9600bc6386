/**
 * The HTTP API over a temporary SQLite store seeded by ingesting a few articles written for this
 * test: every endpoint through real requests (fetch), every filter, paging, refusals (400, 401,
 * 403, 404, 405, 413, 415), the exports, markup in article text, the OpenAPI document, and
 * `marsad serve` itself (started as a user would, stopped with SIGTERM).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OPENAPI } from '../src/api/openapi.js';
import { type RunningServer, startApiServer } from '../src/api/server.js';
import { ACLED_COLUMNS, csvCell, EXTRA_COLUMNS } from '../src/export/csv.js';
import { createExtractor } from '../src/extract/index.js';
import { canonicalUrl } from '../src/ingest/identity.js';
import { type ExtractFn, ingestOne } from '../src/ingest/pipeline.js';
import type { ArticleInput } from '../src/model/event.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';
import { CLI, tempDir } from './helpers.js';

const TOKEN = 'test-token-7f3a9c';

/** Articles written for this test (not taken from any corpus). */
const ARTICLES: ArticleInput[] = [
  {
    id: 'ar-hasakah',
    lang: 'ar',
    published: '2024-03-12',
    source: 'Hawar',
    url: 'https://news.example/ar/hasakah-1',
    title: 'مقتل ستة من قسد بهجوم لداعش في الحسكة',
    text: 'الحسكة - قُتل ستة عناصر من قوات سوريا الديمقراطية، مساء الاثنين، في هجوم شنه مسلحون من تنظيم الدولة الإسلامية على نقطة عسكرية في حي غويران بمدينة الحسكة، بحسب مصادر محلية.',
  },
  {
    id: 'en-fasher',
    published: '2024-05-20',
    source: 'Darfur Monitor',
    url: 'https://news.example/en/fasher',
    title: 'Fighting in El Fasher kills 12',
    text: 'Twelve people were killed on Sunday when the Sudanese army clashed with the Rapid Support Forces in El Fasher, the capital of North Darfur, local residents said.',
  },
  {
    id: 'en-baghdad',
    published: '2024-01-15',
    source: 'Tigris Post',
    url: 'https://news.example/en/baghdad-protest',
    title: 'Teachers protest in Baghdad',
    text: 'Hundreds of teachers demonstrated peacefully in Tahrir Square in Baghdad on Monday to demand higher salaries. The protest ended without incident.',
  },
  {
    id: 'ar-taiz',
    lang: 'ar',
    published: '2023-11-02',
    source: 'Yemen Now',
    url: 'https://news.example/ar/taiz',
    title: 'قصف حوثي على تعز',
    text: 'قُتل ثلاثة مدنيين، بينهم طفل، أمس الأربعاء، جراء قصف مدفعي شنته جماعة الحوثي على أحياء سكنية في مدينة تعز، وفق مصادر طبية.',
  },
  {
    // Markup in the text, and an outlet name a spreadsheet would run as a formula.
    id: 'en-markup',
    published: '2024-06-03',
    source: '=HYPERLINK("http://evil.example","x")',
    url: 'https://news.example/en/markup',
    title: '<b>Protest</b> in Tripoli',
    text: 'Dozens of residents protested in Tripoli, Libya, on Sunday against power cuts. <script>alert(1)</script> <img src=x onerror=alert(2)> The protest was peaceful.',
  },
];

let dir: string;
let repo: SqliteRepository;
let api: RunningServer;
let readOnly: RunningServer;
let extract: ExtractFn;
const articleIds = new Map<string, number>();

interface EventJson {
  event_id: string;
  event_date: string;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  assoc_actor_1: string;
  assoc_actor_2: string;
  country: string;
  admin1: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number;
  sources: string[];
  report_count: number;
  evidence: { field: string; start: number; end: number; text: string; part: string }[];
}

interface Page {
  count: number;
  events: EventJson[];
  next: string | null;
}

async function get(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${api.url}${path}`, init);
}

async function json<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
  const res = await get(path);
  const body = await res.text();
  expect(res.status, `${path}: ${body}`).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return JSON.parse(body) as T;
}

async function events(query = ''): Promise<Page> {
  return json<Page>(`/api/events${query ? `?${query}` : ''}`);
}

let all: EventJson[];

beforeAll(async () => {
  dir = tempDir();
  repo = new SqliteRepository(join(dir, 'api.sqlite'));
  await repo.migrate();
  const extractor = createExtractor();
  extract = async (a) => extractor.extract(a);
  for (const [i, article] of ARTICLES.entries()) {
    const r = await ingestOne(
      repo,
      { origin: `seed ${i}`, article, canonicalUrl: canonicalUrl(article.url) },
      extract,
    );
    expect(r.status).toBe('new');
    articleIds.set(article.id, r.articleId);
  }
  api = await startApiServer({ repo, extract, token: TOKEN }, 0, '127.0.0.1');
  readOnly = await startApiServer({ repo, extract }, 0, '127.0.0.1');
  all = (await events('limit=1000')).events;
});

afterAll(async () => {
  await api?.close();
  await readOnly?.close();
  await repo?.close();
});

describe('health, index page, headers', () => {
  it('GET /healthz: ok, the store kind and its counts, with the security headers', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      store: 'sqlite',
      counts: { articles: ARTICLES.length, events: all.length, reports: expect.any(Number), feeds: 0 },
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('GET /: a placeholder page under a strict Content-Security-Policy, no inline script', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toContain('/api/openapi.json');
    expect(html).not.toMatch(/<script|<style|\son\w+=/i);
  });

  it('security headers on errors too; HEAD answers like GET without a body', async () => {
    const res = await get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const head = await get('/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('GET /api/events', () => {
  it('lists every event, newest first, as eventJson (id, model fields, sources, report count)', async () => {
    const page = await events();
    expect(page.count).toBe(all.length);
    expect(page.count).toBeGreaterThanOrEqual(ARTICLES.length);
    expect(page.next).toBeNull();
    const dates = page.events.map((e) => e.event_date);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const e of page.events) {
      expect(e.event_id).toMatch(/^MRS\d+$/);
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.report_count).toBeGreaterThanOrEqual(1);
      expect(Array.isArray(e.evidence)).toBe(true);
      expect(typeof e.event_type).toBe('string');
    }
  });

  /** The filter gives exactly the events the predicate picks out of all of them (and not none, not all). */
  async function expectFilter(query: string, pick: (e: EventJson) => boolean, partial = true) {
    const page = await events(query);
    const want = all.filter(pick).map((e) => e.event_id);
    expect(page.events.map((e) => e.event_id).sort(), query).toEqual([...want].sort());
    expect(page.count, query).toBe(want.length);
    expect(want.length, `${query} matches something`).toBeGreaterThan(0);
    if (partial) expect(want.length, `${query} leaves something out`).toBeLessThan(all.length);
    return page;
  }

  it('country and admin1 (case-insensitive)', async () => {
    await expectFilter('country=Sudan', (e) => e.country === 'Sudan');
    await expectFilter('country=syria', (e) => e.country === 'Syria');
    await expectFilter('admin1=north%20darfur', (e) => e.admin1 === 'North Darfur');
  });

  it('event_type (case-insensitive) and sub_event_type', async () => {
    await expectFilter('event_type=protests', (e) => e.event_type === 'Protests');
    await expectFilter('event_type=Battles', (e) => e.event_type === 'Battles');
    await expectFilter(
      `sub_event_type=${encodeURIComponent('Shelling/artillery/missile attack')}`,
      (e) => e.sub_event_type === 'Shelling/artillery/missile attack',
    );
  });

  it('actor: part of any actor name, case-insensitive', async () => {
    const has = (e: EventJson, s: string) =>
      [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].some((a) => a.toLowerCase().includes(s));
    await expectFilter('actor=rapid%20support', (e) => has(e, 'rapid support'));
    await expectFilter('actor=PROTESTERS', (e) => has(e, 'protesters'));
  });

  it('date_from / date_to (inclusive)', async () => {
    await expectFilter('date_from=2024-05-01&date_to=2024-05-31', (e) => e.event_date.startsWith('2024-05'));
    await expectFilter('date_to=2023-12-31', (e) => e.event_date <= '2023-12-31');
    await expectFilter('date_from=2024-03-01', (e) => e.event_date >= '2024-03-01');
  });

  it('bbox: west,south,east,north', async () => {
    // Around Yemen, then around Syria's north-east.
    const inBox = (e: EventJson, w: number, s: number, east: number, n: number) =>
      e.latitude !== null &&
      e.longitude !== null &&
      e.longitude >= w &&
      e.longitude <= east &&
      e.latitude >= s &&
      e.latitude <= n;
    await expectFilter('bbox=42,12,46,16', (e) => inBox(e, 42, 12, 46, 16));
    await expectFilter('bbox=39,35,42,37.5', (e) => inBox(e, 39, 35, 42, 37.5));
  });

  it('q: full text, Arabic with clitics («بالحسكة» finds «الحسكة»), and English', async () => {
    const hasakah = articleIds.get('ar-hasakah')!;
    const fromArticle = async (id: number) =>
      (await json<{ events: { event_id: string }[] }>(`/api/articles/${id}`)).events.map((e) => e.event_id);
    const want = await fromArticle(hasakah);
    for (const q of ['بالحسكة', 'الحسكة', 'وبالحسكة', 'حسكه']) {
      const page = await events(`q=${encodeURIComponent(q)}`);
      expect(page.events.map((e) => e.event_id).sort(), q).toEqual([...new Set(want)].sort());
    }
    const teachers = await events('q=teachers%20Baghdad');
    expect(teachers.events.map((e) => e.event_id)).toEqual(
      [...new Set(await fromArticle(articleIds.get('en-baghdad')!))].sort(),
    );
    expect((await events('q=nonexistentword')).count).toBe(0);
  });

  it('min_fatalities, and filters combined', async () => {
    await expectFilter('min_fatalities=10', (e) => e.fatalities >= 10);
    await expectFilter('min_fatalities=1', (e) => e.fatalities >= 1);
    await expectFilter(
      'country=Sudan&event_type=Battles&min_fatalities=5&date_from=2024-01-01',
      (e) =>
        e.country === 'Sudan' &&
        e.event_type === 'Battles' &&
        e.fatalities >= 5 &&
        e.event_date >= '2024-01-01',
    );
    const none = await events('country=Sudan&event_type=Protests');
    expect(none).toEqual({ count: 0, events: [], next: null });
  });

  it('cursor paging: limit 2 walks every event once, the count stays the total', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await events(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.count).toBe(all.length);
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((e) => e.event_id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(all.map((e) => e.event_id));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('refuses bad filters with 400 and a clear {"error"}', async () => {
    const bad: [string, RegExp][] = [
      ['date_from=2024-13-45', /date_from/],
      ['date_to=yesterday', /date_to/],
      ['bbox=1,2,3', /bbox/],
      ['bbox=50,10,40,20', /bbox/],
      ['bbox=-200,0,0,10', /bbox/],
      ['event_type=Skirmish', /event_type/],
      ['min_fatalities=-1', /min_fatalities/],
      ['min_fatalities=2.5', /min_fatalities/],
      ['limit=0', /limit/],
      ['limit=1001', /limit/],
      ['limit=ten', /limit/],
      ['cursor=not-a-cursor', /cursor/],
      ['colour=red', /unknown parameter "colour"/],
      ['country=Syria&country=Iraq', /more than once/],
      [`q=${'x'.repeat(501)}`, /q: at most/],
    ];
    for (const [query, message] of bad) {
      const body = await json<{ error: string }>(`/api/events?${query}`, 400);
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error, query).toMatch(message);
    }
  });
});

describe('GET /api/events/:id', () => {
  it('the event with its reports: article, own values, evidence, merge reason', async () => {
    const fasher = all.find((e) => e.country === 'Sudan')!;
    const e = await json<
      EventJson & {
        reports: {
          article: Record<string, unknown>;
          values: Record<string, unknown>;
          evidence: unknown[];
          merge_reason: string;
        }[];
      }
    >(`/api/events/${fasher.event_id}`);
    expect(e.event_id).toBe(fasher.event_id);
    expect(e.report_count).toBe(e.reports.length);
    const r = e.reports[0]!;
    expect(r.article).toEqual({
      id: articleIds.get('en-fasher'),
      title: 'Fighting in El Fasher kills 12',
      url: 'https://news.example/en/fasher',
      source: 'Darfur Monitor',
      published: '2024-05-20',
      lang: 'en',
    });
    expect(r.values).toMatchObject({ country: 'Sudan', event_type: fasher.event_type });
    expect(r.values).not.toHaveProperty('evidence');
    expect(r.evidence.length).toBeGreaterThan(0);
    expect(r.merge_reason).toBe('');
    // Lower-case ids are the same event.
    expect((await json<EventJson>(`/api/events/${fasher.event_id.toLowerCase()}`)).event_id).toBe(
      fasher.event_id,
    );
  });

  it('404 for an unknown event, 400 for something that is not an event id', async () => {
    expect((await json<{ error: string }>('/api/events/MRS999999', 404)).error).toMatch(/no event/);
    expect((await json<{ error: string }>('/api/events/12', 400)).error).toMatch(/event id/);
    await json('/api/events/MRS1?x=1', 400);
  });
});

describe('articles', () => {
  it('GET /api/articles: newest first, without text; q (Arabic) and cursor paging', async () => {
    const page = await json<{ count: number; articles: Record<string, unknown>[]; next: string | null }>(
      '/api/articles',
    );
    expect(page.count).toBe(ARTICLES.length);
    expect(page.articles.map((a) => a.id)).toEqual([...articleIds.values()].reverse());
    expect(page.articles[0]).not.toHaveProperty('text');
    expect(page.articles[0]).toMatchObject({ ext_id: 'en-markup', lang: 'en', published: '2024-06-03' });

    const q = await json<{ count: number; articles: { id: number }[] }>(
      `/api/articles?q=${encodeURIComponent('بالحوثي')}`,
    );
    expect(q.articles.map((a) => a.id)).toEqual([articleIds.get('ar-taiz')]);

    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const p: { count: number; articles: { id: number }[]; next: string | null } = await json(
        `/api/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...p.articles.map((a) => a.id));
      cursor = p.next;
    } while (cursor);
    expect(ids).toEqual([...articleIds.values()].reverse());

    await json('/api/articles?limit=0', 400);
    await json('/api/articles?country=Syria', 400);
    await json('/api/articles?cursor=%%%', 400);
  });

  it('GET /api/articles/:id: the text and the events extracted from it, with evidence offsets', async () => {
    const id = articleIds.get('ar-hasakah')!;
    const a = await json<{
      id: number;
      text: string;
      title: string;
      events: {
        event_id: string;
        index: number;
        values: Record<string, unknown>;
        evidence: { start: number; end: number; text: string; part: string }[];
      }[];
    }>(`/api/articles/${id}`);
    const source = ARTICLES[0]!;
    expect(a).toMatchObject({ id, title: source.title, text: source.text, lang: 'ar', source: 'Hawar' });
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events.map((e) => e.index)).toEqual(a.events.map((_, i) => i));
    for (const e of a.events) {
      expect(e.event_id).toMatch(/^MRS\d+$/);
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        const from = ev.part === 'title' ? a.title : a.text;
        expect(from.slice(ev.start, ev.end)).toBe(ev.text);
      }
    }
  });

  it('markup in an article comes back as plain JSON text, never as HTML', async () => {
    const id = articleIds.get('en-markup')!;
    const res = await get(`/api/articles/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const raw = await res.text();
    expect(raw).not.toContain('<script');
    expect(raw).not.toContain('<img');
    const a = JSON.parse(raw) as { text: string; title: string };
    expect(a.text).toBe(ARTICLES[4]!.text);
    expect(a.text).toContain('<script>alert(1)</script>');
    expect(a.title).toBe('<b>Protest</b> in Tripoli');
  });

  it('404 for an unknown article, 400 for a bad id', async () => {
    await json('/api/articles/99999', 404);
    await json('/api/articles/abc', 400);
    await json('/api/articles/0', 400);
    await json('/api/articles/1.5', 400);
  });
});

describe('exports', () => {
  it('/api/events.csv: ACLED column order, every event, formula cells neutralised', async () => {
    const res = await get('/api/events.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await res.text();
    const rows = parseCsv(text) as string[][];
    expect(rows[0]).toEqual([...ACLED_COLUMNS, ...EXTRA_COLUMNS]);
    expect(rows[0]!.slice(0, 3)).toEqual(['event_id_cnty', 'event_date', 'year']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((e) => e.event_id));
    for (const row of rows.slice(1))
      for (const cell of row) expect(cell, cell).not.toMatch(/^[=+@]|^-(?!\d+(\.\d+)?$)/);
    const sourceCol = rows[0]!.indexOf('source');
    const tripoli = rows.find((r) => r[sourceCol]!.includes('HYPERLINK'));
    expect(tripoli?.[sourceCol]).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });

  it('csvCell: = + - @ (and tab) get an apostrophe; plain numbers do not', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('-5.25')).toBe('-5.25');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it('filters and limit apply to the exports; a bad filter is a 400 before any data', async () => {
    const res = await get('/api/events.jsonl?country=Sudan');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as EventJson);
    expect(lines.map((e) => e.event_id)).toEqual(
      all.filter((e) => e.country === 'Sudan').map((e) => e.event_id),
    );
    expect(lines[0]).toHaveProperty('report_count');
    const capped = (await (await get('/api/events.jsonl?limit=2')).text()).trim().split('\n');
    expect(capped).toHaveLength(2);
    const csv = parseCsv(await (await get('/api/events.csv?event_type=protests')).text()) as string[][];
    expect(csv.length - 1).toBe(all.filter((e) => e.event_type === 'Protests').length);
    for (const path of [
      '/api/events.csv?bbox=x',
      '/api/events.geojson?limit=5000',
      '/api/events.jsonl?cursor=zz',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await r.json()) as object).toHaveProperty('error');
    }
  });

  it('/api/events.geojson: a FeatureCollection of Points', async () => {
    const res = await get('/api/events.geojson?q=' + encodeURIComponent('بالحسكة'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const fc = (await res.json()) as {
      type: string;
      features: {
        type: string;
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(f.properties.longitude).toBe(lon);
      expect(f.properties.latitude).toBe(lat);
      expect(f.properties.country).toBe('Syria');
      expect(f.properties.event_id).toMatch(/^MRS\d+$/);
    }
    const empty = (await (await get('/api/events.geojson?country=Atlantis')).json()) as {
      features: unknown[];
    };
    expect(empty).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('routing', () => {
  it('404 for unknown paths, 405 with Allow for a wrong method', async () => {
    for (const path of ['/api', '/api/nothing', '/api/events/', '/api/events.xml', '/healthz/x'])
      expect((await get(path)).status, path).toBe(404);
    const del = await get('/api/events', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect(((await del.json()) as { error: string }).error).toMatch(/DELETE not allowed/);
    expect((await get('/api/extract')).status).toBe(405);
    expect((await get('/api/articles', { method: 'PUT' })).headers.get('allow')).toBe('GET, POST, HEAD');
  });
});

function post(path: string, body: unknown, headers: Record<string, string> = {}, server = api) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/extract', () => {
  it('returns the language and the events, and stores nothing', async () => {
    const before = await repo.counts();
    const res = await post('/api/extract', {
      text: 'قتل أربعة جنود من الجيش العراقي بانفجار عبوة ناسفة استهدفت دوريتهم قرب كركوك اليوم السبت.',
      published: '2024-02-10',
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { lang: string; events: EventJson[] };
    expect(out.lang).toBe('ar');
    expect(out.events.length).toBeGreaterThan(0);
    expect(out.events[0]!.country).toBe('Iraq');
    expect(out.events[0]!.evidence.length).toBeGreaterThan(0);
    expect(await repo.counts()).toEqual(before);
  });

  it('refuses a wrong content type (415), bad JSON (400), bad fields (400)', async () => {
    const plain = await fetch(`${api.url}/api/extract`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'some text',
    });
    expect(plain.status).toBe(415);
    const cases: [unknown, RegExp][] = [
      ['{"text": ', /invalid JSON/],
      ['', /empty request body/],
      [{}, /text/],
      [{ text: '   ' }, /empty/],
      [{ text: 'x', lang: 'fr' }, /lang/],
      [{ text: 'x', published: 'soon' }, /date/],
      [{ text: 'x', colour: 'red' }, /unknown field "colour"/],
      [[1, 2], /object/],
    ];
    for (const [body, message] of cases) {
      const res = await post('/api/extract', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
  });
});

describe('POST /api/articles', () => {
  const NEW = {
    id: 'en-mosul',
    title: 'Roadside bomb kills two soldiers near Mosul',
    text: 'Two Iraqi soldiers were killed on Thursday when a roadside bomb struck their patrol south of Mosul, security sources said.',
    published: '2024-04-05',
    source: 'Nineveh Daily',
    url: 'https://news.example/en/mosul-ied',
  };

  it('403 when the server has no token (writes disabled)', async () => {
    const res = await post('/api/articles', NEW, { authorization: `Bearer ${TOKEN}` }, readOnly);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/writes disabled/);
  });

  it('401 without a token or with a wrong one', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await post('/api/articles', NEW, auth ? { authorization: auth } : {});
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await repo.counts()).articles).toBe(ARTICLES.length);
  });

  it('ingests one article, then reports it as a duplicate; a batch gives per-article statuses', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const res = await post('/api/articles', NEW, auth);
    expect(res.status).toBe(200);
    const out = (await res.json()) as {
      new: number;
      articles: { status: string; article_id: number; events: { event_id: string; merged: boolean }[] }[];
    };
    expect(out.new).toBe(1);
    const first = out.articles[0]!;
    expect(first.status).toBe('new');
    expect(first.events.length).toBeGreaterThan(0);
    const stored = await json<{ title: string; events: { event_id: string }[] }>(
      `/api/articles/${first.article_id}`,
    );
    expect(stored.title).toBe(NEW.title);
    expect(stored.events.map((e) => e.event_id)).toEqual(first.events.map((e) => e.event_id));
    expect((await events('country=Iraq&q=Mosul')).count).toBeGreaterThan(0);

    const batch = await post(
      '/api/articles',
      {
        articles: [
          { ...NEW, id: 'again' },
          {
            text: 'Protesters blocked the main road in Sidon, Lebanon, on Friday over fuel shortages.',
            published: '2024-04-12',
          },
        ],
      },
      auth,
    );
    expect(batch.status).toBe(200);
    const b = (await batch.json()) as {
      new: number;
      duplicate: number;
      articles: { index: number; status: string; duplicate_of?: string }[];
    };
    expect(b).toMatchObject({ new: 1, duplicate: 1 });
    expect(b.articles[0]).toMatchObject({ index: 0, status: 'duplicate', duplicate_of: 'same content' });
    expect(b.articles[1]).toMatchObject({ index: 1, status: 'new' });
  });

  it('refuses bad bodies (400, nothing stored), wrong types (415) and bodies over 2 MB (413)', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const before = (await repo.counts()).articles;
    for (const [body, message] of [
      [{ articles: [] }, /non-empty array/],
      [{ articles: [{ text: 'ok' }, { title: 'no text' }] }, /articles\[1\]: missing "text"/],
      [{ articles: [{ text: 'ok' }], extra: 1 }, /unknown field "extra"/],
      [{ articles: Array.from({ length: 101 }, () => ({ text: 'x' })) }, /at most 100/],
      ['[not json', /invalid JSON/],
    ] as [unknown, RegExp][]) {
      const res = await post('/api/articles', body, auth);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    expect((await repo.counts()).articles).toBe(before);

    const form = await fetch(`${api.url}/api/articles`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=hello',
    });
    expect(form.status).toBe(415);

    const big = JSON.stringify({ text: 'ا'.repeat(1_100_000) });
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
    const res = await post('/api/articles', big, auth);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/too large/);
    // Streamed without a Content-Length: counted as it arrives.
    const chunks = [big.slice(0, 1_000_000), big.slice(1_000_000)];
    const streamed = await fetch(`${api.url}/api/extract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(c) {
          for (const ch of chunks) c.enqueue(new TextEncoder().encode(ch));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await repo.counts()).articles).toBe(before);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every path, with every $ref resolvable', async () => {
    const doc = await json<typeof OPENAPI & { paths: Record<string, Record<string, unknown>> }>(
      '/api/openapi.json',
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/healthz',
        '/api/openapi.json',
        '/api/events',
        '/api/summary',
        '/api/config',
        '/api/events/{id}',
        '/api/events.csv',
        '/api/events.geojson',
        '/api/events.jsonl',
        '/api/articles',
        '/api/articles/{id}',
        '/api/extract',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/articles']!).sort()).toEqual(['get', 'post']);
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      let node: unknown = doc;
      for (const part of ref!.split('/')) node = (node as Record<string, unknown>)?.[part];
      expect(node, ref).toBeDefined();
    }
    const listParams = (doc.paths['/api/events']!.get as { parameters: { $ref: string }[] }).parameters.map(
      (p) => p.$ref.split('/').pop(),
    );
    expect(listParams).toEqual([
      'country',
      'admin1',
      'event_type',
      'sub_event_type',
      'actor',
      'date_from',
      'date_to',
      'bbox',
      'q',
      'min_fatalities',
      'limit',
      'cursor',
    ]);
  });
});

describe('marsad serve', () => {
  it('serves the store on a loopback port and stops cleanly on SIGTERM', async () => {
    expect(existsSync(CLI), 'the built CLI (npm test builds it)').toBe(true);
    const db = join(tempDir(), 'serve.sqlite');
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--quiet'], {
      env: { ...process.env, MARSAD_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout} ${stderr}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(stdout).toMatch(/writes disabled/);
    const health = (await (await fetch(`${url}/healthz`)).json()) as {
      ok: boolean;
      counts: { events: number };
    };
    expect(health).toMatchObject({ ok: true, counts: { events: 0 } });
    const write = await fetch(`${url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"x"}',
    });
    expect(write.status).toBe(403);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM, stopping/);
  });

  it('--help describes it; a bad port is a usage error', async () => {
    const { marsad } = await import('./helpers.js');
    const help = marsad(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--port N/);
    expect(help.stdout).toMatch(/MARSAD_TOKEN/);
    expect(marsad(['help']).stdout).toMatch(/serve/);
    const bad = marsad(['serve', '--port', 'http']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port/);
  });
});
