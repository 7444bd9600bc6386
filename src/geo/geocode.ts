/** Geocoding a bare name (CLI and evaluation): descriptor stripping, alias keys, priors. */
import { normalize } from '../text/normalize.js';
import type { Gazetteer, Place } from './gazetteer.js';
import { arabicParts, arabicSkeleton, isArabicName, latinParts, looseSkeleton, skeleton } from './names.js';

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
/** Invisible marks, a parenthesised qualifier, a trailing ", country": «الدويم (مدينة)», «الزنتان، ليبيا». */
export function cleanQuery(q: string): string {
  let s = q.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C\u0640]/g, '');
  s = s.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  const parts = s.split(/\s*[،,]\s*/).filter(Boolean);
  return (parts[0] ?? s).trim();
}

function queryKeys(q: string): { keys: string[]; regionOnly: boolean; stripped: string } {
  const s = cleanQuery(q);
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
  const q = cleanQuery(query) || query.trim();
  const arabic = isArabicName(q);
  const { keys, regionOnly, stripped } = queryKeys(q);
  if (stripped) explain.push(`stripped descriptor "${stripped}"${regionOnly ? ' (region only)' : ''}`);
  const want = opts?.country?.toUpperCase();
  const inCountry = (hit: number[] | undefined) =>
    hit?.filter((id) => !want || gaz.places[id]!.iso2 === want) ?? [];
  // An Arabic query matched by skeleton: an entry that has Arabic names, none of them this one,
  // is another place (الشيخ زايد is not Sheikh Zuweid = الشيخ زويد).
  const noOtherArabic = (ids: number[], sk: string) =>
    ids.filter((id) => {
      const ar = gaz.places[id]!.names.filter(isArabicName);
      return !ar.length || ar.some((n) => arabicSkeleton(n) === sk);
    });
  let ids: number[] = [];
  let how = '';
  // 1. Name keys, in the country first.
  let anyCountry: number[] = [];
  for (const k of keys) {
    const hit = gaz.keyIndex.get(k) ?? gaz.compactIndex.get(k.replace(/ /g, ''));
    if (!hit?.length) continue;
    if (!anyCountry.length) anyCountry = hit;
    const here = inCountry(hit);
    if (here.length) {
      ids = here;
      how = `name key "${k}"`;
      break;
    }
  }
  // 2. Transliteration skeletons (exact, then loose: g/k one class, glued article l-), in the country.
  if (!ids.length) {
    const sks: string[] = [];
    if (arabic) {
      for (const k of keys.slice(1, 2).concat(keys.slice(0, 1))) sks.push(arabicSkeleton(k));
    } else sks.push(skeleton(q));
    const minLen = want || arabic ? 3 : 4;
    const filter = (hit: number[] | undefined, sk: string) =>
      arabic ? noOtherArabic(inCountry(hit), sk) : inCountry(hit);
    for (const sk of sks) {
      if (sk.length < minLen) continue;
      const here = filter(gaz.skeletonIndex.get(sk), sk);
      if (here.length) {
        ids = here;
        how = `${arabic ? 'Arabic-to-Latin ' : 'transliteration '}skeleton "${sk}"`;
        break;
      }
    }
    if (!ids.length) {
      for (const sk of sks) {
        if (sk.length < Math.max(4, minLen)) continue;
        for (const l of looseSkeleton(sk)) {
          const here = filter(gaz.looseIndex.get(l), sk);
          if (here.length) {
            ids = here;
            how = `loose skeleton "${l}"`;
            break;
          }
        }
        if (ids.length) break;
      }
    }
  }
  // 3. A name known only abroad.
  if (!ids.length && anyCountry.length) {
    ids = anyCountry;
    how = 'name key (other country)';
  }
  if (!ids.length) {
    explain.push(`no gazetteer name matches "${query}" (keys: ${keys.join(', ')})`);
    return { match: null, candidates: [], explain };
  }
  explain.push(`${ids.length} candidate(s) by ${how}`);
  let pool = ids.map((id) => gaz.places[id]!);
  if (want) {
    const here = pool.filter((p) => p.iso2 === want);
    if (here.length) {
      explain.push(`kept ${here.length} in country ${want}`);
      pool = here;
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
