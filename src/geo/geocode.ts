/** Geocoding a bare name (CLI and evaluation): descriptor stripping, alias keys, priors. */
import { normalize } from '../text/normalize.js';
import type { Gazetteer, Place } from './gazetteer.js';
import { arabicParts, arabicSkeleton, isArabicName, latinParts, skeleton } from './names.js';

export interface GeocodeMatch {
  name: string;
  name_ar: string;
  country: string;
  iso: number;
  iso2: string;
  admin1: string;
  admin2: string;
  latitude: number;
  longitude: number;
  geo_precision: 1 | 2 | 3;
  level: Place['level'];
  kind: Place['kind'];
  population: number;
  score: number;
}

export interface GeocodeResult {
  match: GeocodeMatch | null;
  candidates: GeocodeMatch[];
  explain: string[];
}

const AR_LEADING = new Set(
  [
    'مدينة',
    'بلدية',
    'بلدة',
    'قرية',
    'محافظة',
    'ولاية',
    'منطقة',
    'مديرية',
    'قضاء',
    'ناحية',
    'حي',
    'مخيم',
    'مركز',
    'دائرة',
    'معتمدية',
    'إمارة',
    'لواء',
    'شعبية',
  ].map(normalize),
);
const EN_LEADING = /^(city|town|village|municipality|province|governorate|district|region) of\s+/i;
const EN_TRAILING = /\s+(city|town|village|municipality|province|governorate|district|region|state|wilaya)$/i;

/** Query keys, most specific first, with the descriptors that were stripped. */
function queryKeys(q: string): { keys: string[]; regionOnly: boolean; stripped: string } {
  const s = q.trim();
  if (isArabicName(s)) {
    const words = normalize(s)
      .replace(/[-_()،,.]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    const full = arabicParts(words.join(' '));
    let stripped = '';
    while (words.length > 1 && AR_LEADING.has(words[0]!)) stripped += `${words.shift()} `;
    const regionOnly = /^(محافظه|ولايه)/.test(stripped);
    const parts = arabicParts(words.join(' '));
    const keys = [full.join(' '), parts.join(' '), parts.join(''), words.join(' ')];
    return { keys: [...new Set(keys)], regionOnly, stripped: stripped.trim() };
  }
  let t = s;
  let stripped = '';
  const m1 = EN_LEADING.exec(t);
  if (m1) {
    stripped = m1[1]!;
    t = t.slice(m1[0].length);
  }
  const m2 = EN_TRAILING.exec(t);
  if (m2) {
    stripped = m2[1]!;
    t = t.slice(0, m2.index);
  }
  const parts = latinParts(t);
  return {
    keys: [...new Set([parts.join(' '), parts.join('')])],
    regionOnly: /province|governorate|region|state|wilaya/i.test(stripped),
    stripped,
  };
}

function toMatch(gaz: Gazetteer, p: Place, score: number): GeocodeMatch {
  const c = gaz.byIso2.get(p.iso2);
  const seat = p.level === 'admin1' ? gaz.seats.get(`${p.iso2}|${p.name}`) : undefined;
  return {
    name: p.name,
    name_ar: p.name_ar,
    country: c?.name ?? p.iso2,
    iso: c?.iso ?? 0,
    iso2: p.iso2,
    admin1: p.admin1,
    admin2: p.admin2,
    latitude: seat?.lat ?? p.lat,
    longitude: seat?.lon ?? p.lon,
    geo_precision: p.level === 'place' || p.level === 'admin2' ? 1 : 3,
    level: p.level,
    kind: p.kind,
    population: p.pop,
    score: Math.round(score * 1000) / 1000,
  };
}

function prior(p: Place, regionOnly: boolean): number {
  let s: number;
  if (p.level === 'country') s = 0.5;
  else if (p.level === 'admin1') s = regionOnly ? 3 : 0.9;
  else {
    s = Math.log10(p.pop + 10) / 6 + (p.authored ? 0.4 : 0);
    if (p.fcode === 'PPLC') s += 0.4;
    else if (p.fcode === 'PPLA') s += 0.25;
    else if (p.fcode?.startsWith('PPLA')) s += 0.1;
    if (p.seatOf) s += 0.3;
  }
  return s;
}

export function geocode(gaz: Gazetteer, query: string, opts?: { country?: string }): GeocodeResult {
  const explain: string[] = [];
  const { keys, regionOnly, stripped } = queryKeys(query);
  if (stripped) explain.push(`stripped descriptor "${stripped}"${regionOnly ? ' (region only)' : ''}`);
  let ids: number[] = [];
  let how = '';
  for (const k of keys) {
    const hit = gaz.keyIndex.get(k) ?? gaz.compactIndex.get(k.replace(/ /g, ''));
    if (hit?.length) {
      ids = hit;
      how = `name key "${k}"`;
      break;
    }
  }
  const want = opts?.country?.toUpperCase();
  if (!ids.length && isArabicName(query)) {
    // Transliteration: the Arabic consonant skeleton against Latin names' skeletons, in the country.
    const { keys: k2 } = queryKeys(query);
    const sk = arabicSkeleton(k2[1] ?? k2[0]!);
    const hit = sk.length >= 3 ? gaz.skeletonIndex.get(sk) : undefined;
    const inCountry = hit?.filter((id) => !want || gaz.places[id]!.iso2 === want);
    if (inCountry?.length) {
      ids = inCountry;
      how = `Arabic-to-Latin skeleton "${sk}"`;
    }
  }
  if (!ids.length && !isArabicName(query)) {
    const sk = skeleton(query);
    const hit = sk.length >= 4 ? gaz.skeletonIndex.get(sk) : undefined;
    if (hit) {
      ids = hit;
      how = `transliteration skeleton "${sk}"`;
    }
  }
  if (!ids.length) {
    explain.push(`no gazetteer name matches "${query}" (keys: ${keys.join(', ')})`);
    return { match: null, candidates: [], explain };
  }
  explain.push(`${ids.length} candidate(s) by ${how}`);
  let pool = ids.map((id) => gaz.places[id]!);
  if (want) {
    const inCountry = pool.filter((p) => p.iso2 === want);
    if (inCountry.length) {
      explain.push(`kept ${inCountry.length} in country ${want}`);
      pool = inCountry;
    } else explain.push(`none in country ${want}; keeping all`);
  }
  const scored = pool
    .map((p) => ({ p, s: prior(p, regionOnly) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 10);
  const candidates = scored.map(({ p, s }) => toMatch(gaz, p, s));
  const top = scored[0]!;
  explain.push(
    `chose ${top.p.name} (${top.p.level}, ${top.p.iso2}, pop ${top.p.pop}${top.p.fcode ? `, ${top.p.fcode}` : ''}${top.p.authored ? ', authored' : ''}) score ${top.s.toFixed(3)}` +
      (scored[1]
        ? ` over ${scored[1].p.name} (${scored[1].p.level}, ${scored[1].p.iso2}) ${scored[1].s.toFixed(3)}`
        : ''),
  );
  return { match: candidates[0] ?? null, candidates, explain };
}
