/**
 * Geocoding check on Arabic town names: share of queries resolved (given the country) within
 * 25 km of the gold point. Reads ../shared/eval/pool/geo-ar-towns.jsonl when present (read only),
 * and our own fixture list src/geo/fixtures/ar-towns.tsv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceKm, geocode, loadGazetteer } from '../src/geo/index.js';
import { readTsv } from '../src/geo/tsv.js';
import { packageRoot } from '../src/util/paths.js';

interface Query {
  query: string;
  country: string;
  latitude: number;
  longitude: number;
}

function evaluate(name: string, queries: Query[], showMisses: number): number {
  const gaz = loadGazetteer();
  let hit = 0;
  const misses = { noMatch: 0, wrongCountry: 0, far: 0 };
  const examples: string[] = [];
  for (const q of queries) {
    const r = geocode(gaz, q.query, { country: q.country });
    const m = r.match;
    if (m && distanceKm(m.latitude, m.longitude, q.latitude, q.longitude) <= 25) {
      hit++;
      continue;
    }
    if (!m) misses.noMatch++;
    else if (m.iso2 !== q.country) misses.wrongCountry++;
    else misses.far++;
    if (examples.length < showMisses) {
      examples.push(
        `  ${q.query} (${q.country}) → ${m ? `${m.name} ${m.iso2} ${Math.round(distanceKm(m.latitude, m.longitude, q.latitude, q.longitude))} km` : 'no match'}`,
      );
    }
  }
  const share = queries.length ? hit / queries.length : 0;
  console.log(
    `${name}: ${hit}/${queries.length} within 25 km = ${(share * 100).toFixed(1)}%  (misses: no match ${misses.noMatch}, wrong country ${misses.wrongCountry}, > 25 km ${misses.far})`,
  );
  for (const e of examples) console.log(e);
  return share;
}

function main(): number {
  const root = packageRoot();
  const t0 = performance.now();
  loadGazetteer();
  console.log(`gazetteer loaded in ${Math.round(performance.now() - t0)} ms`);
  const showMisses = Number(process.argv.includes('--misses') ? 40 : 0);
  const fixture = join(root, 'src', 'geo', 'fixtures', 'ar-towns.tsv');
  if (existsSync(fixture)) {
    const rows = readTsv(fixture).map((r) => ({
      query: r.query!,
      country: r.country!,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
    }));
    evaluate('own fixture (src/geo/fixtures/ar-towns.tsv)', rows, showMisses);
  }
  const pool = join(root, '..', 'shared', 'eval', 'pool', 'geo-ar-towns.jsonl');
  if (existsSync(pool)) {
    const rows = readFileSync(pool, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Query);
    const share = evaluate('geo-ar-towns pool', rows, showMisses);
    console.log(share >= 0.85 ? 'target ≥ 85%: met' : 'target ≥ 85%: NOT met');
  } else console.log(`(${pool} not found; skipped)`);
  return 0;
}

process.exitCode = main();
