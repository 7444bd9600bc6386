/**
 * What `serve` gives the dashboard: the page and its assets (by name only, never a path from the
 * request), `/api/config`, `/api/summary` (map points and per-day counts that agree with
 * `/api/events`), and the tile setting reflected in the content-security policy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startApiServer } from '../src/api/server.js';
import { WebFiles } from '../src/api/static.js';
import { type Summary, summarise } from '../src/api/summary.js';
import { UsageError } from '../src/cli/errors.js';
import { parseTiles } from '../src/cli/serve.js';
import { createExtractor } from '../src/extract/index.js';
import { ingestOne } from '../src/ingest/pipeline.js';
import type { ArticleInput } from '../src/model/event.js';
import { SqliteRepository } from '../src/store/sqlite/repository.js';
import type { EventPoint } from '../src/store/types.js';
import { ROOT, tempDir } from './helpers.js';

const TILES = 'https://tiles.example.org/{z}/{x}/{y}.png';

let dir: string;
let repo: SqliteRepository;
let withWeb: RunningServer;
let bare: RunningServer;

beforeAll(async () => {
  dir = tempDir();
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>test dashboard</title>');
  writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log("app")');
  writeFileSync(join(web, 'assets', 'world.json'), '{"type":"Topology"}');
  writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'secret.js'), 'TOP-SECRET-CONTENT');
  repo = new SqliteRepository(join(dir, 'web.sqlite'));
  await repo.migrate();
  const extractor = createExtractor();
  const extract = async (a: ArticleInput) => extractor.extract(a);
  const lines = readFileSync(join(ROOT, 'test', 'fixtures', 'dedup', 'reports.jsonl'), 'utf8').split('\n');
  for (const [i, line] of lines.filter(Boolean).slice(0, 24).entries()) {
    const a = JSON.parse(line) as ArticleInput;
    await ingestOne(repo, { origin: `line ${i + 1}`, article: a }, extract);
  }
  withWeb = await startApiServer({ repo, extract, web: WebFiles.open(web), tiles: TILES }, 0, '127.0.0.1');
  bare = await startApiServer({ repo, extract, web: WebFiles.open(join(dir, 'nowhere')) }, 0, '127.0.0.1');
});

afterAll(async () => {
  await withWeb?.close();
  await bare?.close();
  await repo?.close();
});

describe('dashboard files', () => {
  it('serves the page with a CSP that allows only this origin and the configured tiles', async () => {
    const res = await fetch(`${withWeb.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('test dashboard');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: https://tiles.example.org");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const noTiles = await fetch(`${bare.url}/`);
    expect(noTiles.headers.get('content-security-policy')).toContain("img-src 'self' data:;");
  });

  it('says how to build the dashboard when it is missing', async () => {
    const res = await fetch(`${bare.url}/`);
    expect(await res.text()).toContain('npm run build');
    expect((await fetch(`${bare.url}/assets/app-1234.js`)).status).toBe(404);
  });

  it('serves assets by name, cached, with their type; HEAD without a body', async () => {
    const res = await fetch(`${withWeb.url}/assets/app-1234.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log("app")');
    const head = await fetch(`${withWeb.url}/assets/world.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('19');
    expect((await fetch(`${withWeb.url}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('never serves anything outside the assets folder', async () => {
    for (const path of [
      '/assets/..%2Fsecret.js',
      '/assets/..%2F..%2Fweb.sqlite',
      '/assets/%2e%2e%2fsecret.js',
      '/assets/.hidden.js',
      '/assets/missing.js',
      '/assets/app-1234.exe',
      '/index.html',
      '/secret.js',
    ]) {
      const res = await fetch(`${withWeb.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('TOP-SECRET');
    }
  });
});

describe('GET /api/config', () => {
  it('tells the dashboard about tiles and writes', async () => {
    const c = (await (await fetch(`${withWeb.url}/api/config`)).json()) as Record<string, unknown>;
    expect(c).toEqual({ tiles: TILES, store: 'sqlite', writes: false });
    const b = (await (await fetch(`${bare.url}/api/config`)).json()) as Record<string, unknown>;
    expect(b.tiles).toBeNull();
  });
});

describe('GET /api/summary', () => {
  async function both(query: string): Promise<{ s: Summary; ids: string[]; count: number }> {
    const s = (await (await fetch(`${withWeb.url}/api/summary?${query}`)).json()) as Summary;
    const page = (await (await fetch(`${withWeb.url}/api/events?limit=1000&${query}`)).json()) as {
      count: number;
      events: { event_id: string; latitude: number | null }[];
    };
    return {
      s,
      ids: page.events.filter((e) => e.latitude !== null).map((e) => e.event_id),
      count: page.count,
    };
  }

  it('agrees with /api/events: counts, points and per-day totals', async () => {
    const { s, ids, count } = await both('');
    expect(count).toBeGreaterThan(5);
    expect(s.count).toBe(count);
    expect(s.scanned).toBe(count);
    expect(s.truncated).toBe(false);
    expect(s.points.map((p) => p[0]).sort()).toEqual([...ids].sort());
    expect(s.daily.reduce((n, d) => n + d.events, 0)).toBe(count);
    expect(s.daily.reduce((n, d) => n + d.fatalities, 0)).toBe(s.fatalities);
    expect(Object.values(s.event_types).reduce((a, b) => a + b, 0)).toBe(count);
    // Days in order.
    const days = s.daily.map((d) => d.date);
    expect(days).toEqual([...days].sort());
  });

  it('applies the same filters', async () => {
    const { s, count } = await both('country=Iraq');
    expect(count).toBeGreaterThan(0);
    expect(s.count).toBe(count);
    expect(Object.keys(s.countries)).toEqual(['Iraq']);
  });

  it('refuses bad filters with a 400', async () => {
    const res = await fetch(`${withWeb.url}/api/summary?date_from=yesterday`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/date_from/);
    expect((await fetch(`${withWeb.url}/api/summary?colour=red`)).status).toBe(400);
  });

  it('stops at its cap and says so', () => {
    const event = (id: number, date: string): EventPoint => ({
      id: `MRS${id}`,
      date,
      eventType: 'Battles',
      fatalities: 2,
      latitude: 1,
      longitude: 2,
      country: 'X',
      admin1: '',
      location: 'L',
    });
    const many = Array.from({ length: 10 }, (_, i) => event(i, `2024-01-0${(i % 3) + 1}`));
    const s = summarise(many, 10, 4);
    expect(s).toMatchObject({ count: 10, scanned: 4, truncated: true, fatalities: 8 });
    expect(s.points).toHaveLength(4);
  });
});

describe('parseTiles', () => {
  it('takes an http(s) template with {z}, {x} and {y}', () => {
    expect(parseTiles(undefined)).toBeUndefined();
    expect(parseTiles('  ')).toBeUndefined();
    expect(parseTiles(TILES)).toBe(TILES);
    for (const bad of [
      'javascript:alert(1)/{z}/{x}/{y}',
      'https://t.example/{z}/{x}.png',
      'not a url',
      'file:///{z}/{x}/{y}',
    ])
      expect(() => parseTiles(bad), bad).toThrow(UsageError);
  });
});
