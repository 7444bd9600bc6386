/**
 * Resolution: picks one gazetteer entry per mention, using the article's country context
 * (country names, demonyms, the dateline), admin-hierarchy consistency between mentions, and
 * population. The same name as a town and an admin1 (الحسكة، حلب، تعز) resolves to the town with
 * its admin1 set, unless the text says محافظة / province (then the admin1, geo_precision 3).
 */
import { type Doc, spansOf, tokenRange } from '../text/types.js';
import { AR_DIRECTIONS, EN_DISTRICT_AFTER } from './cues.js';
import { distanceKm } from './distance.js';
import { arabicTokenKeys, type Gazetteer, type Place, sourceCountries } from './gazetteer.js';
import { latinKey } from './names.js';
import type { GeoCandidate, PlaceMention } from './recognize.js';

export interface ResolvedLocation {
  country: string;
  iso: number;
  iso2: string;
  admin1: string;
  admin2: string;
  admin3: string;
  location: string;
  location_ar?: string;
  latitude: number;
  longitude: number;
  geo_precision: 1 | 2 | 3;
  confidence: number;
  mention: PlaceMention;
  /** The chosen gazetteer entry's level. */
  level?: Place['level'];
}

export interface ResolveOptions {
  /**
   * Admin1 naming: 'current' ACLED names, 'legacy' pre-2019 ACLED Africa names (e.g. Sudan
   * "Darfur", Libya "Surt"), or 'auto' (legacy when the article was published before 2019).
   */
  vintage?: 'current' | 'legacy' | 'auto';
}

export interface ArticleContext {
  countryVotes: Map<string, number>;
  /** The part of countryVotes that comes from towns and admin1 (not from country names). */
  placeVotes: Map<string, number>;
  admin1Votes: Map<string, number>;
  /** Each mention's own share of countryVotes (to judge the support from the rest of the article). */
  ownVotes: Map<PlaceMention, Map<string, number>>;
  /** The home country of a domestic outlet named in the article's `source`. */
  sourceCountry?: string;
  /** The admin1 that outlet mostly reports from (sources.tsv `region`). */
  sourceRegion?: string;
}

/**
 * Keys of a word for the demonym index: an Arabic word's clitic readings without the article, or
 * a Latin word's name key. A word's forms follow from its text, so they are computed once per word.
 */
const demonymKeyMemo = new Map<string, readonly string[]>();
function demonymKeys(text: string, forms: readonly string[]): readonly string[] {
  let keys = demonymKeyMemo.get(text);
  if (!keys) {
    keys = /[\u0600-\u06FF]/.test(text) ? arabicTokenKeys(forms) : [latinKey(text)];
    if (demonymKeyMemo.size >= 50_000) demonymKeyMemo.clear();
    demonymKeyMemo.set(text, keys);
  }
  return keys;
}

/** Country vote of a domestic / national outlet named in the article's source field. */
const SOURCE_VOTE = { domestic: 1.2, national: 0.4 };

/** Country and admin1 evidence of the whole article. */
export function articleContext(doc: Doc, mentions: PlaceMention[], gaz: Gazetteer): ArticleContext {
  const countryVotes = new Map<string, number>();
  const placeVotes = new Map<string, number>();
  const admin1Votes = new Map<string, number>();
  const ownVotes = new Map<PlaceMention, Map<string, number>>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const m of mentions) {
    const own = new Map<string, number>();
    ownVotes.set(m, own);
    const addC = (_: Map<string, number>, k: string, v: number) => {
      add(countryVotes, k, v);
      add(own, k, v);
    };
    const weight = (m.dateline ? 4 : 1) * (m.confidence ?? 0.7);
    const countries = new Set(m.candidates.map((c) => c.iso2));
    const isCountry = m.candidates.some((c) => c.level === 'country');
    if (isCountry) {
      for (const c of m.candidates) if (c.level === 'country') addC(countryVotes, c.iso2, 2 * weight);
    } else if (countries.size === 1) {
      addC(countryVotes, [...countries][0]!, weight);
      add(placeVotes, [...countries][0]!, weight);
    } else {
      for (const iso of countries) addC(countryVotes, iso, (0.3 * weight) / countries.size);
    }
    const a1 = new Set(m.candidates.filter((c) => c.admin1).map((c) => `${c.iso2}|${c.admin1}`));
    for (const k of a1) add(admin1Votes, k, 1 / a1.size);
  }
  // Demonyms (السوري، Syrian) as weak evidence.
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    for (const k of demonymKeys(t.text, t.forms)) {
      const iso = gaz.adjectiveKey.get(k);
      if (iso) {
        add(countryVotes, iso, 0.3);
        break;
      }
    }
  }
  // The outlet's home country (Libya Herald, Radio Dabanga...): one more voice.
  let sourceCountry: string | undefined;
  let sourceRegion: string | undefined;
  for (const sc of sourceCountries(gaz, doc.source)) {
    add(countryVotes, sc.iso2, SOURCE_VOTE[sc.scope]);
    if (sc.scope === 'domestic' && !sourceCountry) {
      sourceCountry = sc.iso2;
      sourceRegion = sc.region;
    }
  }
  return {
    countryVotes,
    placeVotes,
    admin1Votes,
    ownVotes,
    sourceCountry,
    ...(sourceRegion ? { sourceRegion } : {}),
  };
}

/** Per-document fallback country (a domestic outlet's home), for documentCountry(). */
const fallbackCountry = new WeakMap<Doc, { country: string; iso2: string; iso: number }>();
/** Per-document resolution context, for fallbackLocation(). */
const docContext = new WeakMap<Doc, { gaz: Gazetteer; legacy: boolean; source?: string; region?: string }>();
/** The capital (GeoNames PPLC) of each country, per gazetteer. */
const capitals = new WeakMap<Gazetteer, Map<string, Place>>();

/** Descriptors that say a name is a city or town (then never read as the state). */
const CITY_DESCRIPTORS = new Set(['مدينة', 'مدينه', 'عاصمة', 'عاصمه', 'city', 'town', 'capital']);
/**
 * Descriptors any small place may have (a camp, a village, a neighbourhood): no evidence that a lone
 * name abroad is really that foreign place.
 */
const GENERIC_DESCRIPTORS = new Set([
  'حي',
  'مخيم',
  'قرية',
  'قريه',
  'بلدة',
  'بلده',
  'منطقة',
  'منطقه',
  'camp',
  'village',
  'town',
  'area',
  'neighbourhood',
  'neighborhood',
  'district',
  'suburb',
]);

/** Words that make a name the state itself (دولة الكويت، جمهورية مصر), never a town. */
const STATE_DESCRIPTORS = new Set(['دولة', 'دوله', 'جمهورية', 'جمهوريه', 'مملكة', 'مملكه', 'country']);

/**
 * A name that is a country's name is that country, not a same-name town abroad (بنين is Benin, not
 * Benin City in Nigeria; a town of the country itself, الكويت = Kuwait City, stays a reading), and
 * after دولة / جمهورية / مملكة only the state itself.
 */
function countryReadings(m: PlaceMention): GeoCandidate[] {
  const states = new Set(m.candidates.filter((c) => c.level === 'country').map((c) => c.iso2));
  if (!states.size) return m.candidates;
  if (m.descriptor && STATE_DESCRIPTORS.has(m.descriptor))
    return m.candidates.filter((c) => c.level === 'country');
  return m.candidates.filter((c) => c.level === 'country' || states.has(c.iso2));
}

function prior(c: GeoCandidate, gaz: Gazetteer): number {
  const p = gaz.places[c.id]!;
  if (c.level === 'country') return 1.2;
  if (c.level === 'admin1') return p.authored ? 1.0 : 0.7;
  let s = Math.log10(c.pop + 10) / 6;
  if (p.authored) s = Math.max(s, 0.8);
  if (p.fcode === 'PPLC') s += 0.3;
  else if (p.fcode === 'PPLA') s += 0.15;
  return s;
}

function scoreCandidate(
  c: GeoCandidate,
  m: PlaceMention,
  ctx: ArticleContext,
  gaz: Gazetteer,
  countryTotal: number,
): number {
  let s = prior(c, gaz);
  if (countryTotal > 0) s += (2.5 * (ctx.countryVotes.get(c.iso2) ?? 0)) / countryTotal;
  // Other mentions in the same admin1 (own votes excluded).
  const own = new Set(m.candidates.filter((x) => x.admin1).map((x) => `${x.iso2}|${x.admin1}`));
  const a1v =
    (ctx.admin1Votes.get(`${c.iso2}|${c.admin1}`) ?? 0) -
    (own.has(`${c.iso2}|${c.admin1}`) ? 1 / own.size : 0);
  if (a1v > 0.01) s += Math.min(1, a1v) * 0.8;
  const p = gaz.places[c.id]!;
  if (m.regionOnly) {
    if (c.level === 'admin1') s += 3;
    else if (c.level === 'country') s += 2;
  } else if (c.level === 'place' || c.level === 'admin2') {
    s += 0.5;
    if (p.seatOf) s += 0.6;
  }
  if (c.via === 'skeleton') s -= 0.5;
  return s;
}

function legacyYear(doc: Doc, opts: ResolveOptions | undefined): boolean {
  const v = opts?.vintage ?? 'auto';
  if (v === 'legacy') return true;
  if (v === 'current') return false;
  const y = Number((doc.published ?? '').slice(0, 4));
  return y > 1990 && y < 2019;
}

/** Builds the output record for the chosen entry. */
export function toLocation(
  gaz: Gazetteer,
  place: Place,
  m: PlaceMention,
  confidence: number,
  legacy: boolean,
): ResolvedLocation | null {
  const country = gaz.byIso2.get(place.iso2);
  if (!country) return null;
  let e = place;
  // Region-only mention of a seat town's name → the admin1 itself.
  if (m.regionOnly && e.seatOf) e = gaz.admin1Entry.get(`${e.iso2}|${e.seatOf}`) ?? e;
  // Written out field by field (no spread of a shared base): one object shape, built fast.
  const record = (
    admin1: string,
    admin2: string,
    location: string,
    location_ar: string | undefined,
    latitude: number,
    longitude: number,
    geo_precision: 1 | 2 | 3,
    level: Place['level'],
  ): ResolvedLocation => ({
    country: country.name,
    iso: country.iso,
    iso2: country.iso2,
    admin3: '',
    confidence,
    mention: m,
    admin1,
    admin2,
    location,
    location_ar,
    latitude,
    longitude,
    geo_precision,
    level,
  });
  if (e.level === 'country') {
    return record('', '', country.name, country.name_ar || undefined, country.lat, country.lon, 3, 'country');
  }
  const admin1 = legacy && e.legacy1 ? e.legacy1 : e.admin1;
  if (e.level === 'admin1') {
    const seat = gaz.seats.get(`${e.iso2}|${e.name}`);
    return record(
      admin1,
      seat?.admin2 ?? '',
      seat?.name ?? e.name,
      seat?.name_ar || e.name_ar || undefined,
      seat?.lat ?? e.lat,
      seat?.lon ?? e.lon,
      3,
      'admin1',
    );
  }
  return record(admin1, e.admin2, e.name, e.name_ar || undefined, e.lat, e.lon, m.direction ? 2 : 1, e.level);
}

/** One resolved location per mention (null when no candidate fits), same order. */
export function resolvePlaces(
  doc: Doc,
  mentions: PlaceMention[],
  gaz: Gazetteer,
  opts?: ResolveOptions,
): (ResolvedLocation | null)[] {
  const ctx = articleContext(doc, mentions, gaz);
  let countryTotal = 0;
  for (const v of ctx.countryVotes.values()) countryTotal += v;
  const legacy = legacyYear(doc, opts);
  if (ctx.sourceCountry) {
    const c = gaz.byIso2.get(ctx.sourceCountry);
    if (c) fallbackCountry.set(doc, { country: c.name, iso2: c.iso2, iso: c.iso });
  }
  // The article's leading country and its support.
  let lead = '';
  let leadVotes = 0;
  for (const [iso, v] of ctx.countryVotes) {
    if (v > leadVotes) {
      lead = iso;
      leadVotes = v;
    }
  }
  docContext.set(doc, {
    gaz,
    legacy,
    ...(ctx.sourceCountry ? { source: ctx.sourceCountry } : {}),
    ...(ctx.sourceRegion ? { region: ctx.sourceRegion } : {}),
  });
  const homes = new Set(sourceCountries(gaz, doc.source).map((h) => h.iso2));
  const out = mentions.map((m) => {
    if (!m.candidates.length) return null;
    let best: GeoCandidate | null = null;
    let bs = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    for (const c of countryReadings(m)) {
      const s = scoreCandidate(c, m, ctx, gaz, countryTotal);
      if (s > bs) {
        second = bs;
        bs = s;
        best = c;
      } else if (s > second) second = s;
    }
    if (!best) return null;
    const leadOwn = ctx.ownVotes.get(m)?.get(lead) ?? 0;
    const leadSupport = leadVotes - leadOwn;
    // A name that is a country's and its capital's (الكويت، الجزائر، تونس) in an article about another
    // country, without a city descriptor: the state («الكويت وقطر تدينان»), not the city.
    if (
      best.level !== 'country' &&
      best.iso2 !== lead &&
      leadSupport >= 1 &&
      !m.dateline &&
      !(m.descriptor && CITY_DESCRIPTORS.has(m.descriptor))
    ) {
      const state = m.candidates.find((c) => c.level === 'country' && c.iso2 === best!.iso2);
      if (state) best = state;
    }
    // A lone name abroad (Kish, Tiran, Jardan, a Yemeni الرباط read as Rabat, "Salam camp" read as
    // Oman's Saham) in an article clearly about another country, with nothing else pointing to that
    // country: more likely an unknown local name. A reading in the article's country is kept only
    // when its admin1 is named elsewhere in the article (the admin hierarchy); else no place.
    if (
      best.level !== 'country' &&
      !(best.level === 'admin1' && m.descriptor && !GENERIC_DESCRIPTORS.has(m.descriptor)) &&
      best.iso2 !== lead &&
      !m.dateline
    ) {
      const own = ctx.ownVotes.get(m)?.get(best.iso2) ?? 0;
      const support = (ctx.countryVotes.get(best.iso2) ?? 0) - own;
      // a well-known name with a strong cue stays, unless towns of the lead country fill the article
      const leadTowns = (ctx.placeVotes.get(lead) ?? 0) - (ctx.ownVotes.get(m)?.get(lead) ?? 0);
      const strong =
        (m.confidence ?? 0.7) >= 0.9 &&
        ((!!m.descriptor && !GENERIC_DESCRIPTORS.has(m.descriptor)) || (!m.descriptor && leadTowns < 1));
      if (support < 0.25 && leadSupport >= 1 && !strong) {
        const ownA1 = new Set(m.candidates.filter((x) => x.admin1).map((x) => `${x.iso2}|${x.admin1}`));
        const local = m.candidates
          .filter((c) => c.iso2 === lead && c.admin1)
          .map((c) => {
            const k = `${c.iso2}|${c.admin1}`;
            return { c, v: (ctx.admin1Votes.get(k) ?? 0) - (ownA1.has(k) ? 1 / ownA1.size : 0) };
          })
          .filter((x) => x.v > 0.5)
          .sort((a, b) => b.v - a.v)[0];
        if (!local) return null;
        best = local.c;
      }
    }
    // A transliteration-only reading abroad ("Leramun district" in an article about Syria read as
    // Jordan's Raymun): too weak a match to move the article to another country.
    if (
      best.via === 'skeleton' &&
      best.level !== 'country' &&
      best.iso2 !== lead &&
      leadSupport >= 1 &&
      !m.dateline
    )
      return null;
    // A small foreign town that nothing else in the article supports, in a note from an outlet of
    // another country ("SAF shell rebels in Sama" from a Sudanese outlet read as Jordan's Samma):
    // an unknown local name, not that town.
    if (
      best.level === 'place' &&
      homes.size &&
      !homes.has(best.iso2) &&
      !m.dateline &&
      !m.descriptor &&
      gaz.places[best.id]!.pop < 50_000 &&
      (ctx.countryVotes.get(best.iso2) ?? 0) - (ctx.ownVotes.get(m)?.get(best.iso2) ?? 0) < 0.25
    )
      return null;
    const margin = Number.isFinite(second) ? Math.min(1, (bs - second) / 1.5) : 1;
    const conf = Math.round((m.confidence ?? 0.7) * (0.6 + 0.4 * margin) * 100) / 100;
    return toLocation(gaz, gaz.places[best.id]!, m, conf, legacy);
  });
  anchorPlaces(doc, mentions, out);
  return out;
}

/** Words allowed between a place and the anchor town that locates it ("X, 15 km south of Y"). */
const ANCHOR_LINK =
  /^(,|-|–|\(|the|a|of|from|km|kms|kilometres?|kilometers?|miles?|metres?|meters?|away|just|some|about|around|near|nearby|close|to|outside|in|north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western|city|town|village|camp|district|حوالي|نحو|كم|كيلومتر|كيلومترات|كلم|من|مدينة|مدينه|بلدة|بلده|قرية|قريه|مخيم)$/;

/**
 * "X, 15 km south of Y", "X near Y", «X قرب Y»: the anchor town Y is the reliable one. A place X
 * that resolves far from its anchor (beyond the stated distance, else beyond 200 km: a namesake
 * elsewhere) takes the anchor's location at geo_precision 2.
 */
function anchorPlaces(doc: Doc, mentions: PlaceMention[], out: (ResolvedLocation | null)[]): void {
  const toks = doc.tokens;
  for (let j = 1; j < mentions.length; j++) {
    const y = mentions[j]!;
    const ly = out[j];
    const district = !!y.descriptor && EN_DISTRICT_AFTER.has(y.descriptor);
    if ((!y.direction && !district) || !ly || ly.level === 'country' || ly.level === 'admin1') continue;
    const i = j - 1;
    const x = mentions[i]!;
    const lx = out[i];
    if (!lx || lx.level === 'country') continue;
    if (x.tokenEnd > y.tokenStart || y.tokenStart - x.tokenEnd > 7) continue;
    if (toks[x.tokenStart]?.sentence !== toks[y.tokenStart]?.sentence) continue;
    let linked = true;
    let stated = 0;
    for (let k = x.tokenEnd; k < y.tokenStart; k++) {
      const t = toks[k]!;
      const num = /^(\d+(?:[.,]\d+)?)/.exec(t.norm);
      if (num) stated = Math.max(stated, Number(num[1]!.replace(',', '.')));
      if (t.kind === 'number' || num) continue;
      if (!ANCHOR_LINK.test(t.norm) && !t.forms.some((f) => AR_DIRECTIONS.has(f))) {
        linked = false;
        break;
      }
    }
    if (!linked) continue;
    // "all of Jufra district south of Sirte": a province located by a town outside it — the
    // province is the place, the town only a pointer
    if (lx.level === 'admin1') {
      if (y.direction && ly.admin1 !== lx.admin1) out[j] = null;
      continue;
    }
    // a stated distance ("400 km south-east of Sirte") is trusted; without one, towns are often
    // located by a far-off city ("Ben Jawad, east of Sirte"): only a namesake far beyond that is wrong
    // (a town "in Dalami county" lies within ~100 km of the district's seat)
    const limit = district && !y.direction ? 100 : stated ? Math.max(100, stated * 1.5 + 30) : 200;
    if (distanceKm(lx.latitude, lx.longitude, ly.latitude, ly.longitude) <= limit) continue;
    out[i] = { ...ly, mention: x, geo_precision: 2 };
  }
}

/** The article's main country: dateline first, then the weight of resolved mentions. */
export function documentCountry(
  _doc: Doc,
  resolved: (ResolvedLocation | null)[],
): { country: string; iso2: string; iso: number } | null {
  const votes = new Map<string, { w: number; r: ResolvedLocation }>();
  for (const r of resolved) {
    if (!r) continue;
    let w = r.mention.dateline ? 3 : 1;
    if (r.level !== 'country') w += 0.5;
    if (r.mention.start < (_doc.bodyOffset || 0)) w += 0.5;
    w *= r.confidence || 0.5;
    const v = votes.get(r.iso2);
    if (v) v.w += w;
    else votes.set(r.iso2, { w, r });
  }
  let best: { w: number; r: ResolvedLocation } | null = null;
  for (const v of votes.values()) if (!best || v.w > best.w) best = v;
  // A domestic outlet's article that names one foreign country in passing and no town ("families
  // of Tunisians detained in Iraq protested"): the outlet's country, one more voice (1.2).
  const home = fallbackCountry.get(_doc);
  const townsNamed = resolved.some((r) => r && r.level !== 'country');
  if (best && home && best.r.iso2 !== home.iso2 && !townsNamed && best.w < SOURCE_VOTE.domestic) return home;
  return best ? { country: best.r.country, iso2: best.r.iso2, iso: best.r.iso } : (home ?? null);
}

/**
 * The place of an article that names none, in `iso2` (from the outlet or the actors): the admin1 the
 * outlet mostly reports from (sources.tsv `region`; a pre-2019 ACLED name such as "Darfur" only for
 * articles of that period), else the capital, at geo_precision 3. Null before resolvePlaces() ran on
 * the document.
 */
/**
 * Students, journalists, lawyers, doctors and unions protest and strike where their universities,
 * newspapers and syndicates are — mostly the capital — not where a regional outlet's war is.
 */
const NATIONAL_ACTORS =
  /\b(students?|universit(y|ies)|journalists?|newspapers?|lawyers|doctors|syndicates?|trade unions?|parliament|ministry)\b|(طلاب|طلبة|جامعة|صحفيين|صحافيين|صحيفة|محامين|أطباء|نقابة|البرلمان|وزارة)/i;

export function fallbackLocation(doc: Doc, iso2: string): ResolvedLocation | null {
  const dc = docContext.get(doc);
  if (!dc) return null;
  const { gaz, legacy } = dc;
  const country = gaz.byIso2.get(iso2);
  if (!country) return null;
  const mention: PlaceMention = { tokenStart: 0, tokenEnd: 0, start: 0, end: 0, text: '', candidates: [] };
  const base = { country: country.name, iso: country.iso, iso2, admin3: '', confidence: 0.3, mention };
  if (dc.region && dc.source === iso2 && !NATIONAL_ACTORS.test(doc.text)) {
    const a1 = gaz.admin1Entry.get(`${iso2}|${dc.region}`);
    if (a1) {
      const loc = toLocation(gaz, a1, { ...mention, regionOnly: true }, 0.3, legacy);
      if (loc) return { ...loc, mention };
    } else if (legacy) {
      // A pre-2019 region made of several of today's admin1 (Darfur): the mean of their seats.
      const parts = gaz.places.filter(
        (p) => p.level === 'admin1' && p.iso2 === iso2 && p.legacy1 === dc.region,
      );
      const seats = parts.map((p) => gaz.seats.get(`${iso2}|${p.name}`) ?? p);
      if (seats.length) {
        const lat = seats.reduce((a, p) => a + p.lat, 0) / seats.length;
        const lon = seats.reduce((a, p) => a + p.lon, 0) / seats.length;
        return {
          ...base,
          admin1: dc.region,
          admin2: '',
          location: dc.region,
          latitude: Math.round(lat * 1e4) / 1e4,
          longitude: Math.round(lon * 1e4) / 1e4,
          geo_precision: 3,
          level: 'admin1',
        };
      }
    }
  }
  const cap = capitalOf(gaz, iso2);
  if (!cap) return null;
  const loc = toLocation(gaz, cap, mention, 0.3, legacy);
  return loc ? { ...loc, geo_precision: 3 } : null;
}

function capitalOf(gaz: Gazetteer, iso2: string): Place | undefined {
  let caps = capitals.get(gaz);
  if (!caps) {
    caps = new Map();
    for (const p of gaz.places) if (p.fcode === 'PPLC' && !caps.has(p.iso2)) caps.set(p.iso2, p);
    capitals.set(gaz, caps);
  }
  return caps.get(iso2);
}

/**
 * The capital of `iso2` as the place of a national institution named without a town ("in front of
 * Parliament", "outside the Ministry of Interior"): a located mention over the tokens [tokenStart,
 * tokenEnd). Null before resolvePlaces() ran on the document.
 */
export function capitalLocation(
  doc: Doc,
  iso2: string,
  tokenStart: number,
  tokenEnd: number,
): ResolvedLocation | null {
  const dc = docContext.get(doc);
  if (!dc) return null;
  const cap = capitalOf(dc.gaz, iso2);
  if (!cap) return null;
  const mention: PlaceMention = {
    tokenStart,
    tokenEnd,
    ...tokenRange(doc, tokenStart, tokenEnd),
    locative: true,
    inferred: true,
    confidence: 0.7,
    candidates: [],
  };
  return toLocation(dc.gaz, cap, mention, 0.6, dc.legacy);
}

/**
 * A town of `iso2` named only inside another name (an actor's: "Benghazi Shura Council", «مجلس شورى
 * مجاهدي درنة»): place mentions the recogniser found but the caller set aside (`used`: token starts of
 * the mentions it kept). The first such town or admin1 of the country, by position; null when none or
 * before resolvePlaces() ran on the document.
 */
export function embeddedLocation(doc: Doc, iso2: string, used: number[]): ResolvedLocation | null {
  const dc = docContext.get(doc);
  if (!dc) return null;
  const { gaz, legacy } = dc;
  const kept = new Set(used);
  const spans = spansOf<PlaceMention>(doc, 'place')
    .map((s) => s.value)
    .filter((m) => !kept.has(m.tokenStart) && !m.reference)
    .sort((a, b) => a.tokenStart - b.tokenStart);
  for (const m of spans) {
    const cands = m.candidates
      .filter((c) => c.iso2 === iso2 && c.level !== 'country' && c.via === 'alias')
      .sort((a, b) => prior(b, gaz) - prior(a, gaz));
    const c = cands[0];
    if (!c) continue;
    const loc = toLocation(gaz, gaz.places[c.id]!, m, 0.4, legacy);
    if (loc) return loc;
  }
  return null;
}
