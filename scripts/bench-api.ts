/**
 * npm run bench:api: latency of filtered GET /api/events over a store of synthetic events.
 * Builds the store (default 100,000 events, one article each, in one transaction through the
 * store's own insert path), starts the API server on loopback, issues a few hundred filtered
 * requests (country / type / date range / bbox / actor / q, limit 100) one at a time, and prints
 * p50/p95/p99 overall and per kind of filter; then times GET /api/summary (the dashboard's map and
 * timeline) over the same filters.
 * Usage: node dist/scripts/bench-api.js [--events 100000] [--requests 400] [--db FILE] [--keep]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApiServer } from '../src/api/server.js';
import { contentHash } from '../src/ingest/identity.js';
import type { Event, Evidence } from '../src/model/event.js';
import { disorderTypeOf, EVENT_TYPES, type EventType, SUB_EVENT_TYPES } from '../src/model/taxonomy.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '400' },
    db: { type: 'string' },
    keep: { type: 'boolean' },
  },
});

/** A small deterministic PRNG (mulberry32), so every run builds the same store. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240312);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

interface Place {
  country: string;
  iso: number;
  admin1: string;
  town: string;
  townAr: string;
  lat: number;
  lon: number;
}

const PLACES: Place[] = [
  {
    country: 'Syria',
    iso: 760,
    admin1: 'Al Hasakeh',
    town: 'Al Hasakeh',
    townAr: 'الحسكة',
    lat: 36.5,
    lon: 40.75,
  },
  { country: 'Syria', iso: 760, admin1: 'Aleppo', town: 'Aleppo', townAr: 'حلب', lat: 36.2, lon: 37.16 },
  {
    country: 'Syria',
    iso: 760,
    admin1: 'Deir ez Zor',
    town: 'Al Mayadin',
    townAr: 'الميادين',
    lat: 35.02,
    lon: 40.45,
  },
  { country: 'Syria', iso: 760, admin1: 'Idleb', town: 'Saraqab', townAr: 'سراقب', lat: 35.86, lon: 36.8 },
  { country: 'Iraq', iso: 368, admin1: 'Ninewa', town: 'Mosul', townAr: 'الموصل', lat: 36.34, lon: 43.13 },
  { country: 'Iraq', iso: 368, admin1: 'Baghdad', town: 'Baghdad', townAr: 'بغداد', lat: 33.31, lon: 44.36 },
  { country: 'Iraq', iso: 368, admin1: 'Kirkuk', town: 'Kirkuk', townAr: 'كركوك', lat: 35.47, lon: 44.39 },
  { country: 'Yemen', iso: 887, admin1: 'Taizz', town: 'Taizz', townAr: 'تعز', lat: 13.58, lon: 44.02 },
  { country: 'Yemen', iso: 887, admin1: 'Marib', town: 'Marib', townAr: 'مأرب', lat: 15.46, lon: 45.32 },
  {
    country: 'Yemen',
    iso: 887,
    admin1: 'Al Hudaydah',
    town: 'Al Hudaydah',
    townAr: 'الحديدة',
    lat: 14.8,
    lon: 42.95,
  },
  {
    country: 'Sudan',
    iso: 729,
    admin1: 'Khartoum',
    town: 'Omdurman',
    townAr: 'أم درمان',
    lat: 15.64,
    lon: 32.48,
  },
  {
    country: 'Sudan',
    iso: 729,
    admin1: 'North Darfur',
    town: 'El Fasher',
    townAr: 'الفاشر',
    lat: 13.63,
    lon: 25.35,
  },
  {
    country: 'Libya',
    iso: 434,
    admin1: 'Tripoli',
    town: 'Tripoli',
    townAr: 'طرابلس',
    lat: 32.89,
    lon: 13.19,
  },
  {
    country: 'Libya',
    iso: 434,
    admin1: 'Misrata',
    town: 'Misrata',
    townAr: 'مصراتة',
    lat: 32.38,
    lon: 15.09,
  },
  { country: 'Lebanon', iso: 422, admin1: 'South', town: 'Tyre', townAr: 'صور', lat: 33.27, lon: 35.2 },
  {
    country: 'Somalia',
    iso: 706,
    admin1: 'Banadir',
    town: 'Mogadishu',
    townAr: 'مقديشو',
    lat: 2.04,
    lon: 45.34,
  },
];

const ACTORS = [
  'Military Forces of Syria (2024-)',
  'SDF: Syrian Democratic Forces',
  'Islamic State (Syria)',
  'Islamic State (Iraq)',
  'Military Forces of Iraq (2022-)',
  'Popular Mobilization Forces',
  'Ansar Allah',
  'Military Forces of Yemen (2017-) Supreme Political Council',
  'Military Forces of Sudan (2019-)',
  'Rapid Support Forces',
  'Libyan National Army',
  'Special Deterrence Forces',
  'Hezbollah',
  'Military Forces of Israel (2022-)',
  'Al Shabaab',
  'Civilians (Syria)',
  'Protesters (Iraq)',
  'Unidentified Armed Group (Yemen)',
];

const WORDS_EN = [
  'attack',
  'checkpoint',
  'clashes',
  'shelling',
  'drone',
  'protest',
  'convoy',
  'market',
  'village',
];
const WORDS_AR = ['هجوم', 'حاجز', 'اشتباكات', 'قصف', 'مسيرة', 'احتجاج', 'رتل', 'سوق', 'قرية'];
const PREFIX_AR = ['', 'ب', 'في ', 'قرب '];

const DAY0 = Date.UTC(2020, 0, 1);
const DAYS = 5 * 365;
const day = (n: number) => new Date(DAY0 + n * 86400000).toISOString().slice(0, 10);

function synthetic(i: number): {
  event: Event;
  text: string;
  title: string;
  lang: 'ar' | 'en';
  source: string;
} {
  const place = pick(PLACES);
  const type = pick(EVENT_TYPES) as EventType;
  const sub = pick(SUB_EVENT_TYPES[type]);
  // A rare actor (about 1 event in 500): its filter matches few rows spread over the whole store.
  const actor1 = rand() < 0.002 ? 'Wagner Group' : pick(ACTORS);
  const actor2 = rand() < 0.7 ? pick(ACTORS) : '';
  const date = day(Math.floor(rand() * DAYS));
  const fatalities = rand() < 0.5 ? 0 : Math.floor(rand() ** 3 * 60);
  const lat = Math.round((place.lat + (rand() - 0.5) * 0.6) * 1e4) / 1e4;
  const lon = Math.round((place.lon + (rand() - 0.5) * 0.6) * 1e4) / 1e4;
  const lang = rand() < 0.5 ? 'ar' : 'en';
  const w = Math.floor(rand() * WORDS_EN.length);
  const text =
    lang === 'ar'
      ? `قتل ${fatalities} أشخاص في ${WORDS_AR[w]} ${pick(PREFIX_AR)}${place.townAr} يوم ${date}، وفق ما أفاد مصدر محلي. الحادثة رقم ${i}.`
      : `${fatalities} people were killed in a ${WORDS_EN[w]} near ${place.town}, ${place.country}, on ${date}, a local source said. Incident ${i}.`;
  const title = lang === 'ar' ? `${WORDS_AR[w]} في ${place.townAr}` : `${WORDS_EN[w]} near ${place.town}`;
  const evidence: Evidence[] = ['event_type', 'actor1', 'location', 'event_date', 'fatalities'].map(
    (field, k) => ({
      field,
      start: k * 10,
      end: k * 10 + 8,
      text: text.slice(k * 10, k * 10 + 8),
      part: 'text',
    }),
  );
  const event: Event = {
    event_date: date,
    time_precision: 1,
    disorder_type: disorderTypeOf(type),
    event_type: type,
    sub_event_type: sub,
    actor1,
    actor2,
    assoc_actor_1: '',
    assoc_actor_2: '',
    inter1: 1,
    inter2: actor2 ? 2 : 0,
    interaction: actor2 ? 12 : 10,
    civilian_targeting: type === 'Violence against civilians' ? 'Civilian targeting' : '',
    country: place.country,
    iso: place.iso,
    admin1: place.admin1,
    admin2: place.admin1,
    admin3: '',
    location: place.town,
    latitude: lat,
    longitude: lon,
    geo_precision: 1,
    fatalities,
    notes: `On ${date}, ${actor1} ${sub.toLowerCase()} in ${place.town}. ${fatalities} fatalities.`,
    confidence: Math.round((0.4 + rand() * 0.6) * 100) / 100,
    evidence,
  };
  return { event, text, title, lang, source: pick(['SANA', 'Enab Baladi', 'Reuters', 'AFP', 'Al Jazeera']) };
}

async function build(repo: SqliteRepository, n: number): Promise<void> {
  const fetched = new Date().toISOString();
  await repo.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const s = synthetic(i);
      const articleId = await tx.insertArticle(
        {
          extId: `bench-${i}`,
          contentHash: contentHash(s.text, s.title),
          lang: s.lang,
          title: s.title,
          text: s.text,
          published: s.event.event_date,
          fetched,
          source: s.source,
        },
        fetched,
      );
      if (articleId === null) throw new Error(`synthetic article ${i} made twice`);
      const id = await tx.insertEvent(s.event, [s.source], [articleId]);
      await tx.insertReport(id, articleId, 0, s.event, '');
    }
  });
}

/** A mix of filtered queries, as a dashboard would send them. */
function queries(n: number): { kind: string; query: string }[] {
  const out: { kind: string; query: string }[] = [];
  const q = (kind: string, params: Record<string, string | number>) => {
    const s = new URLSearchParams({
      ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
      limit: '100',
    });
    out.push({ kind, query: s.toString() });
  };
  const range = () => {
    const a = Math.floor(rand() * DAYS);
    const len = pick([7, 30, 90, 365]);
    return { date_from: day(a), date_to: day(Math.min(DAYS - 1, a + len)) };
  };
  const box = () => {
    const p = pick(PLACES);
    const r = pick([0.3, 1, 3]);
    return `${p.lon - r},${p.lat - r},${p.lon + r},${p.lat + r}`;
  };
  const gens: [string, () => Record<string, string | number>][] = [
    ['none', () => ({})],
    ['country', () => ({ country: pick(PLACES).country })],
    ['type', () => ({ event_type: pick(EVENT_TYPES) })],
    ['country+type', () => ({ country: pick(PLACES).country, event_type: pick(EVENT_TYPES) })],
    ['dates', () => range()],
    ['country+dates', () => ({ country: pick(PLACES).country, ...range() })],
    ['bbox', () => ({ bbox: box() })],
    ['bbox+dates', () => ({ bbox: box(), ...range() })],
    ['actor', () => ({ actor: pick(['Islamic State', 'rapid support', 'Hezbollah', 'Ansar', 'SDF']) })],
    [
      'actor+country',
      () => ({ actor: pick(['Islamic State', 'Military Forces']), country: pick(PLACES).country }),
    ],
    ['q', () => ({ q: pick(['بالحسكة', 'الموصل', 'قصف', 'drone', 'checkpoint Aleppo', 'مأرب']) })],
    ['q+dates', () => ({ q: pick(['بالحسكة', 'shelling', 'تعز']), ...range() })],
    ['min_fatalities', () => ({ min_fatalities: pick([1, 10, 40]) })],
    // Sparse: few or no matches, so a page cannot stop early.
    ['rare actor', () => ({ actor: pick(['Wagner', 'no such group']) })],
    ['empty bbox', () => ({ bbox: pick(['-30,-40,-20,-30', '60,40,61,41']) })],
    ['rare+country', () => ({ actor: 'Wagner', country: pick(PLACES).country, min_fatalities: 5 })],
    [
      'mixed',
      () => ({ country: pick(PLACES).country, event_type: pick(EVENT_TYPES), min_fatalities: 1, ...range() }),
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [kind, gen] = gens[i % gens.length]!;
    q(kind, gen());
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const n = Number(values.events);
  const requests = Number(values.requests);
  const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-api-'));
  const path = values.db ?? join(dir!, 'bench.sqlite');
  let repo = new SqliteRepository(path);
  await repo.migrate();
  const existing = (await repo.counts()).events;
  let buildMs = 0;
  if (existing < n) {
    const t0 = performance.now();
    await build(repo, n - existing);
    buildMs = performance.now() - t0;
    // Reopen so the server starts on a store as it would be found on disk (WAL checkpointed).
    await repo.close();
    repo = new SqliteRepository(path);
    await repo.migrate();
  }
  const counts = await repo.counts();
  const size = statSync(path).size;
  console.log(
    `store: ${counts.events} events, ${counts.articles} articles, ${(size / 1024 / 1024).toFixed(1)} MB` +
      (buildMs ? `; built in ${(buildMs / 1000).toFixed(1)} s` : ' (reused)'),
  );
  const server = await startApiServer(
    { repo, extract: async () => ({ lang: 'en', events: [] }) },
    0,
    '127.0.0.1',
  );
  try {
    const list = queries(requests);
    // Warm-up: a few requests so the first timings do not include opening the file's pages.
    for (const { query } of list.slice(0, 10))
      await (await fetch(`${server.url}/api/events?${query}`)).text();
    const all: number[] = [];
    const byKind = new Map<string, number[]>();
    let worst = { ms: 0, query: '' };
    // Paging: every fifth request of a kind also fetches its next page (with the cursor).
    const paged: { kind: string; query: string }[] = [];
    list.forEach((item, i) => {
      paged.push(item);
      if (i % 5 === 4) paged.push({ kind: 'next page', query: item.query });
    });
    let lastNext: string | null = null;
    for (const { kind, query: base } of paged) {
      if (kind === 'next page' && !lastNext) continue;
      const query = kind === 'next page' ? `${base}&cursor=${encodeURIComponent(lastNext!)}` : base;
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/events?${query}`);
      const body = (await res.json()) as { count: number; events: unknown[]; next: string | null };
      lastNext = body.next;
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${query}: HTTP ${res.status} ${JSON.stringify(body)}`);
      all.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      if (ms > worst.ms) worst = { ms, query };
    }
    all.sort((a, b) => a - b);
    console.log(
      `${all.length} requests of GET /api/events (limit 100, with the total count), one at a time:`,
    );
    console.log(
      `  p50 ${fmt(percentile(all, 50))}  p95 ${fmt(percentile(all, 95))}  p99 ${fmt(percentile(all, 99))}  max ${fmt(all[all.length - 1]!)}`,
    );
    for (const [kind, ms] of byKind) {
      ms.sort((a, b) => a - b);
      console.log(
        `  ${kind.padEnd(15)} n=${String(ms.length).padStart(3)}  p50 ${fmt(percentile(ms, 50)).padStart(9)}  p95 ${fmt(percentile(ms, 95)).padStart(9)}  max ${fmt(ms[ms.length - 1]!).padStart(9)}`,
      );
    }
    console.log(`  slowest: ${fmt(worst.ms)} ${decodeURIComponent(worst.query)}`);
    const p95 = percentile(all, 95);
    console.log(p95 < 200 ? 'p95 < 200 ms: ok' : `p95 ${fmt(p95)} ≥ 200 ms: too slow`);
    // The dashboard's map and timeline: GET /api/summary scans up to 20,000 matching events.
    const sums: { ms: number; scanned: number }[] = [];
    for (const { query } of list.slice(0, Math.min(60, list.length))) {
      const q = new URLSearchParams(query);
      q.delete('limit');
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/summary?${q}`);
      const body = (await res.json()) as { scanned: number };
      if (res.status !== 200) throw new Error(`summary ${q}: HTTP ${res.status} ${JSON.stringify(body)}`);
      sums.push({ ms: performance.now() - t0, scanned: body.scanned });
    }
    const sumMs = sums.map((x) => x.ms).sort((a, b) => a - b);
    const big = sums.filter((x) => x.scanned >= 10_000).map((x) => x.ms);
    console.log(
      `${sums.length} requests of GET /api/summary (the dashboard's map and timeline, up to 20,000 events):` +
        `\n  p50 ${fmt(percentile(sumMs, 50))}  p95 ${fmt(percentile(sumMs, 95))}  max ${fmt(sumMs[sumMs.length - 1]!)}` +
        (big.length
          ? `; ${big.length} scanned ≥ 10,000 events, mean ${fmt(big.reduce((a, b) => a + b, 0) / big.length)}`
          : ''),
    );
  } finally {
    await server.close();
    await repo.close();
    if (dir && !values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`store kept at ${path}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
