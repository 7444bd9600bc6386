/**
 * Place recognition: finds gazetteer names in a Doc (Arabic and English), with descriptors,
 * directions, datelines, and a transliteration-aware fallback for unknown capitalised names.
 */
import { proclitReadings } from '../text/ar/clitics.js';
import { addSpan } from '../text/doc.js';
import { type Doc, type Token, tokenRange } from '../text/types.js';
import { memoByString } from '../util/memo.js';
import {
  AR_DESCRIPTORS,
  AR_DIRECTIONS,
  AR_FACILITY_DESCRIPTORS,
  AR_LOCATED,
  AR_LOCATIVE,
  AR_REFERENCE_ADJ,
  AR_REFERENCE_MOVE,
  AR_REGION_DESCRIPTORS,
  AR_SPEAKER_VERBS,
  AR_TO_FROM,
  EN_AFTER,
  EN_BEFORE_OF,
  EN_DIRECTION_AFTER,
  EN_DIRECTION_OF,
  EN_EVENT_NOUNS,
  EN_LOCATIVE,
  EN_NEAR,
  EN_REFERENCE,
  EN_REGION_AFTER,
  EN_REGION_BEFORE_OF,
  EN_SPEAKER_VERBS,
} from './cues.js';
import { arabicTokenKeys, type Gazetteer, type Place, type TrieNode } from './gazetteer.js';
import { isArticle, latinParts, looseSkeleton, skeleton } from './names.js';

/** Latin name parts of a word (see latinParts), once per distinct word. */
const wordParts = memoByString((text: string): readonly string[] => latinParts(text));
/** Consonant skeletons of the text's word runs and of gazetteer names (see skeleton). */
const skeletonOf = memoByString(skeleton);

export interface GeoCandidate {
  id: number;
  name: string;
  name_ar: string;
  level: Place['level'];
  kind: Place['kind'];
  iso2: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  pop: number;
  /** How the name matched: an alias, or the transliteration skeleton (lower confidence). */
  via: 'alias' | 'skeleton';
}

export interface PlaceMention {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  descriptor?: string;
  direction?: string;
  dateline?: boolean;
  regionOnly?: boolean;
  /**
   * A point of reference rather than a place where something happens: an origin or destination
   * («عادت إلى قاعدة ديار بكر», "brothers from Suluq"), a place overlooked or faced («المطلة على مطار
   * المزة»), a landmark that locates another place («الواقعة شمال غرب العاصمة دمشق»).
   */
  reference?: boolean;
  /**
   * Part of the name of another event ("the 2012 "Port Said Massacre"", "the Zliten attack"): a
   * reference that never stands for the article's place, even when no other place is named.
   */
  eventName?: boolean;
  /** Not a name but inferred from one: the capital for a national institution ("in front of Parliament"). */
  inferred?: boolean;
  /** After a locative preposition (في، بـ، "in", "at"). */
  locative?: boolean;
  /**
   * First token of the mention's clause: after the nearest comma, relative pronoun (الذي، التي,
   * "who", "which") or conjunction of clauses before it in its sentence.
   */
  clauseStart?: number;
  /** Recognition confidence 0-1. */
  confidence?: number;
  candidates: GeoCandidate[];
}

const HAS_ARABIC = /[\u0600-\u06FF]/;
/**
 * Lowercase English words spelled like an Arabic article: "at Tanta", "as far as", "an attack" —
 * the preposition before a name, never part of it ("At Tafilah", "As Suwayda" are capitalised).
 */
const EN_WORD_ARTICLES = new Set(['at', 'as', 'an']);
/** Direction words that open region names ("North Sinai", "Central Darfur"), often written lowercase. */
const EN_REGION_DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'central',
  'upper',
  'lower',
  'middle',
]);
const UPPER = /^\p{Lu}/u;

function candidateOf(p: Place, via: GeoCandidate['via']): GeoCandidate {
  return {
    id: p.id,
    name: p.name,
    name_ar: p.name_ar,
    level: p.level,
    kind: p.kind,
    iso2: p.iso2,
    admin1: p.admin1,
    admin2: p.admin2,
    lat: p.lat,
    lon: p.lon,
    pop: p.pop,
    via,
  };
}

/** One matchable unit: an Arabic word, or a part of an English word (split at hyphens). */
interface Unit extends WordUnit {
  token: number;
}

/** A unit of a word, the same wherever the word occurs. */
interface WordUnit {
  keys: readonly string[];
  /** First/last unit of its token. */
  first: boolean;
  last: boolean;
  /** The children of the trie's root reached by the keys, in key order (a first unit only). */
  roots: readonly TrieNode[];
}

const PUNCT_UNITS: readonly WordUnit[] = [{ keys: [], first: true, last: true, roots: [] }];
const NO_UNITS: readonly WordUnit[] = [];

/** The units of each distinct word, per gazetteer (bounded: starts afresh when full). */
const wordUnitMemo = new WeakMap<Gazetteer, Map<string, readonly WordUnit[]>>();

/**
 * A word's units: an Arabic word is one unit whose keys are its clitic readings with the article
 * dropped; a Latin word gives a unit per name part (split at hyphens, articles dropped; none for an
 * article alone, which is transparent). A token's norm and forms follow from its text.
 */
function wordUnits(gaz: Gazetteer, t: Token): readonly WordUnit[] {
  if (t.kind !== 'word') return PUNCT_UNITS;
  let memo = wordUnitMemo.get(gaz);
  if (!memo) {
    memo = new Map();
    wordUnitMemo.set(gaz, memo);
  }
  let units = memo.get(t.text);
  if (!units) {
    units = computeWordUnits(gaz, t);
    if (memo.size >= 50_000) memo.clear();
    memo.set(t.text, units);
  }
  return units;
}

function computeWordUnits(gaz: Gazetteer, t: Token): readonly WordUnit[] {
  if (HAS_ARABIC.test(t.text)) {
    const keys = arabicTokenKeys(proclitReadings(t.norm).map((r) => r.stem));
    return [{ keys, first: true, last: true, roots: rootChildren(gaz.arTrie, keys) }];
  }
  const text = t.forms.length > 1 && /['’]s$/i.test(t.text) ? t.text.slice(0, -2) : t.text;
  const parts = wordParts(text).filter((p) => !isArticle(p));
  if (!parts.length) return NO_UNITS;
  return parts.map((p, k) => ({
    keys: [p],
    first: k === 0,
    last: k === parts.length - 1,
    roots: k === 0 ? rootChildren(gaz.enTrie, [p]) : [],
  }));
}

function rootChildren(root: TrieNode, keys: readonly string[]): TrieNode[] {
  const out: TrieNode[] = [];
  for (const k of keys) {
    const c = root.next.get(k);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

function unitsOf(gaz: Gazetteer, tokens: Token[], from: number, to: number): Unit[] {
  const units: Unit[] = [];
  for (let i = from; i < to; i++) {
    for (const w of wordUnits(gaz, tokens[i]!)) {
      units.push({ keys: w.keys, first: w.first, last: w.last, roots: w.roots, token: i });
    }
  }
  return units;
}

/**
 * Longest trie match starting at unit u (ending at a token boundary): the walk from each root
 * child the unit reaches (the Arabic trie for an Arabic word, the Latin one for a Latin word).
 */
function matchAt(units: Unit[], u: number): { end: number; ids: number[] } | null {
  const unit = units[u]!;
  if (!unit.first) return null;
  let best: { end: number; ids: number[] } | null = null;
  for (const c of unit.roots) best = walk(c, units, u, u + 1, best);
  return best;
}

/** Depth-first walk from node n at unit j: each child reached by one of the unit's keys, once, in key order. */
function walk(
  n: TrieNode,
  units: Unit[],
  u: number,
  j: number,
  best: { end: number; ids: number[] } | null,
): { end: number; ids: number[] } | null {
  if (n.ids.length && j > u && units[j - 1]!.last && (!best || j > best.end)) best = { end: j, ids: n.ids };
  if (j >= units.length || j - u > 6) return best;
  const keys = units[j]!.keys;
  let first: TrieNode | null = null;
  let tried: TrieNode[] | null = null;
  for (let k = 0; k < keys.length; k++) {
    const c = n.next.get(keys[k]!);
    if (!c || c === first || tried?.includes(c)) continue;
    if (!first) first = c;
    else if (tried) tried.push(c);
    else tried = [c];
    best = walk(c, units, u, j + 1, best);
  }
  return best;
}

function formsHave(t: Token | undefined, set: Set<string>): string | undefined {
  if (!t) return undefined;
  for (const f of t.forms) if (set.has(f)) return f;
  return undefined;
}

interface Context {
  descriptor?: string;
  regionOnly?: boolean;
  direction?: string;
  locative?: boolean;
  reference?: boolean;
  eventName?: boolean;
  /** A plain locative preposition right before the name (في، بـ، in, at). */
  inside?: boolean;
}

/** Is the Arabic name at token s a point of reference (see PlaceMention.reference)? */
function arabicReference(toks: Token[], s: number, sentStart: number): boolean {
  // skip descriptors (قاعدة، مطار، مدينة) and one preposition back to the governing word
  let j = s - 1;
  while (j >= sentStart && formsHave(toks[j], AR_DESCRIPTORS)) j--;
  if (j >= sentStart && formsHave(toks[j], AR_TO_FROM)) j--;
  if (j < sentStart) return false;
  // «المقابلة لكيليس», «المطلة على مطار المزة», «قبل أن تعود إلى قاعدة ديار بكر»
  if (formsHave(toks[j], AR_REFERENCE_ADJ) || formsHave(toks[j], AR_REFERENCE_MOVE)) return true;
  // «الواقعة شمال غرب العاصمة دمشق»: directions and descriptors back to a word for "located"
  let dir = false;
  for (let k = s - 1; k >= Math.max(sentStart, s - 6); k--) {
    const t = toks[k]!;
    if (formsHave(t, AR_LOCATED)) return dir;
    if (formsHave(t, AR_DIRECTIONS)) {
      dir = true;
      continue;
    }
    if (formsHave(t, AR_DESCRIPTORS) || formsHave(t, AR_TO_FROM)) continue;
    if (t.kind === 'number' || /^(كم|كيلومتر|كيلومترات|كلم)$/.test(t.norm)) continue;
    break;
  }
  return false;
}

/** Cues before (and, in English, after) a name spanning tokens [s, e). */
function contextOf(doc: Doc, s: number, e: number, sentStart: number, sentEnd: number): Context {
  const toks = doc.tokens;
  const ctx: Context = {};
  const prev = s > sentStart ? toks[s - 1] : undefined;
  const prev2 = s - 1 > sentStart ? toks[s - 2] : undefined;
  if (HAS_ARABIC.test(toks[s]!.text)) {
    const reg = formsHave(prev, AR_REGION_DESCRIPTORS);
    const desc = formsHave(prev, AR_DESCRIPTORS);
    const dir = formsHave(prev, AR_DIRECTIONS);
    if (reg) {
      ctx.descriptor = reg;
      ctx.regionOnly = true;
    } else if (desc) ctx.descriptor = desc;
    else if (dir) ctx.direction = dir;
    // بالقرب من X / قريبا من X
    if (!ctx.direction && prev?.norm === 'من' && prev2 && /قرب/.test(prev2.norm)) ctx.direction = 'قرب';
    // شمال مدينة X, جنوب محافظة X
    if ((ctx.descriptor || ctx.regionOnly) && prev2 && formsHave(prev2, AR_DIRECTIONS)) {
      ctx.direction = formsHave(prev2, AR_DIRECTIONS);
    }
    // Dual descriptors reach a second name after و: محافظتي حمص (وسط) ودير الزور.
    if (!ctx.descriptor && toks[s]!.prefix.startsWith('و')) {
      for (let k = s - 2; k >= Math.max(sentStart, s - 7); k--) {
        const d = formsHave(toks[k], AR_REGION_DESCRIPTORS);
        if (d?.endsWith('ي')) {
          ctx.descriptor = d;
          ctx.regionOnly = true;
          break;
        }
      }
    }
    ctx.locative = !!(formsHave(prev, AR_LOCATIVE) || ctx.descriptor || ctx.direction);
    const first = toks[s]!;
    if (first.prefix === 'ب' || first.prefix === 'وب' || first.prefix === 'بال' || first.prefix === 'وبال') {
      ctx.locative = true;
      ctx.inside = true;
    }
    if (prev?.norm === 'في' || prev?.norm === 'وفي') ctx.inside = true;
    if (arabicReference(toks, s, sentStart)) ctx.reference = true;
    // «نسبته أنقرة إلى التنظيم»: the government speaking, not where it happened
    if (prev && (AR_SPEAKER_VERBS.has(prev.norm) || formsHave(prev, AR_SPEAKER_VERBS))) ctx.reference = true;
    return ctx;
  }
  const lower = (t: Token | undefined) => t?.norm ?? '';
  // English: cue words before the name.
  const p1 = lower(prev);
  const p2 = lower(prev2);
  if (p1 === 'of' && EN_REGION_BEFORE_OF.has(p2)) {
    ctx.descriptor = p2;
    ctx.regionOnly = true;
  } else if (p1 === 'of' && EN_BEFORE_OF.has(p2)) ctx.descriptor = p2;
  else if (p1 === 'of' && EN_DIRECTION_OF.has(p2)) ctx.direction = `${p2} of`;
  else if ((p1 === 'to' || p1 === 'from') && p2 === 'close') ctx.direction = 'close to';
  else if (EN_NEAR.has(p1)) ctx.direction = p1;
  // After the name.
  const next = e < sentEnd ? lower(toks[e]) : '';
  if (EN_REGION_AFTER.has(next)) {
    ctx.descriptor = next;
    ctx.regionOnly = true;
  } else if (EN_AFTER.has(next)) ctx.descriptor = next;
  else if (EN_DIRECTION_AFTER.has(next)) ctx.direction = next;
  if (!ctx.direction && p1 === 'of' && /^\d|km|kilomet|miles?$/.test(p2)) ctx.direction = p2;
  // "1 km from Y", "10 kilometres away from Y"
  if (!ctx.direction && p1 === 'from' && /^\d|km|kilomet|miles?|metres?|meters?|away$/.test(p2))
    ctx.direction = p2;
  // "X km north of Y"
  ctx.locative = EN_LOCATIVE.has(p1) || !!ctx.descriptor || !!ctx.direction;
  if (p1 === 'in' || p1 === 'at' || p1 === 'inside') ctx.inside = true;
  // "Ankara blamed IS for the attack", "Baghdad said": the government speaking
  if (EN_SPEAKER_VERBS.has(next) && !ctx.inside && !ctx.direction) ctx.reference = true;
  // "protests over the Zliten attack in Tripoli": the name of another event
  // (also with a year or an opening quote between: the 2012 "Port Said Massacre")
  if (EN_EVENT_NOUNS.has(next)) {
    let k = s - 1;
    while (k > sentStart && (/^\d{4}$/.test(toks[k]!.text) || /^["“‘'«]$/.test(toks[k]!.text))) k--;
    if (k >= sentStart && k < s && toks[k]!.norm === 'the') {
      ctx.reference = true;
      // a past event by its name (a year or quotes: the 2012 "Port Said Massacre"; an anniversary):
      // not even the article's place ("the Boukamal strike" may be the article's own event)
      const before = toks
        .slice(Math.max(sentStart, k - 3), k)
        .some((t) => /^(anniversary|commemorat)/.test(t.norm));
      if (k < s - 1 || before) ctx.eventName = true;
    }
  }
  // "two brothers from Suluq", "overlooking X" (not "3 km from X", "close to/from X")
  if (
    EN_REFERENCE.has(p1) &&
    !ctx.direction &&
    !/^\d|km|kilomet|miles?|metres?|meters?|away$/.test(p2) &&
    !(p1 === 'from' && /^(to|towards)$/.test(next)) // a path: "a march from Gafsa to Tunis"
  )
    ctx.reference = true;
  return ctx;
}

/** Is the mention at the start of a paragraph followed by a dash (a dateline)? */
function isDateline(doc: Doc, tokenStart: number, tokenEnd: number): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[tokenStart]!.sentence]!;
  if (sent.part !== 'text') return false;
  // The mention starts a paragraph.
  if (tokenStart !== sent.tokenStart) return false;
  const prevSent = doc.sentences[sent.i - 1];
  if (prevSent && prevSent.part === sent.part && prevSent.paragraph === sent.paragraph) return false;
  for (let k = tokenEnd; k < Math.min(sent.tokenEnd, tokenEnd + 8); k++) {
    const t = toks[k]!.text;
    if (t === '-' || t === '–' || t === '—' || t === ':') return true;
  }
  return false;
}

const MIN_CONFIDENCE = 0.5;

/** Words that open a new clause: relative pronouns and clause conjunctions (normalised forms). */
const CLAUSE_OPENERS = new Set([
  'الذي',
  'التي',
  'الذين',
  'اللذين',
  'اللتين',
  'اللواتي',
  'فيما',
  'بينما',
  'حيث',
  'who',
  'which',
  'whose',
  'while',
  'where',
]);

function clauseStartOf(doc: Doc, tokenStart: number, sentStart: number): number {
  for (let k = tokenStart - 1; k >= sentStart; k--) {
    const t = doc.tokens[k]!;
    if (t.text === ',' || t.text === '،' || t.text === ';' || t.text === '؛' || CLAUSE_OPENERS.has(t.norm))
      return k + 1;
  }
  return sentStart;
}

const EN_CUE_AFTER = new Set([
  'town',
  'village',
  'district',
  'camp',
  'city',
  'area',
  'neighbourhood',
  'neighborhood',
]);

/**
 * Transliteration fallback for English text: the longest run of 1-3 capitalised words starting at
 * unit u whose consonant skeleton (or looser skeleton) names a gazetteer entry (Sheikh Zuweyid =
 * Shaykh Zuwayd, Kafr El-Shiekh = Kafr ash Shaykh). Needs a locative cue before the run or a
 * descriptor after it.
 */
function skeletonMatch(
  doc: Doc,
  gaz: Gazetteer,
  units: Unit[],
  u: number,
  sentStart: number,
  sentEnd: number,
): { end: number; ids: number[] } | null {
  const toks = doc.tokens;
  const t0 = units[u]!.token;
  let s0 = t0;
  while (
    s0 > sentStart &&
    !EN_WORD_ARTICLES.has(toks[s0 - 1]!.text) &&
    wordParts(toks[s0 - 1]!.text).every(isArticle) &&
    toks[s0 - 1]!.kind === 'word'
  )
    s0--;
  const p1 = s0 > sentStart ? toks[s0 - 1]!.norm : '';
  const p2 = s0 - 1 > sentStart ? toks[s0 - 2]!.norm : '';
  const cueBefore =
    EN_LOCATIVE.has(p1) ||
    EN_NEAR.has(p1) ||
    (p1 === 'of' && (EN_DIRECTION_OF.has(p2) || EN_BEFORE_OF.has(p2) || EN_REGION_BEFORE_OF.has(p2))) ||
    p1 === 'and' ||
    p1 === ',';
  let best: { end: number; ids: number[] } | null = null;
  const words: string[] = [];
  for (let j = u; j < units.length && j - u < 6; j++) {
    const un = units[j]!;
    const t = toks[un.token]!;
    if (t.kind !== 'word' || HAS_ARABIC.test(t.text)) break;
    if (un.first && !UPPER.test(t.text)) break;
    if (un.first && un.token - t0 >= 3) break;
    // function words and the words of actor names ("Islamic State", "Mortar Shells") end a name
    if (un.first && SKELETON_STOP.has(t.norm)) break;
    words.push(un.keys[0]!);
    if (!un.last) continue;
    const next = un.token + 1 < sentEnd ? toks[un.token + 1]!.norm : '';
    if (!cueBefore && !EN_CUE_AFTER.has(next) && !EN_REGION_AFTER.has(next)) continue;
    const sk = skeletonOf(words.join(' '));
    if (sk.length < 4) continue;
    let hit = gaz.skeletonIndex.get(sk);
    if (!hit) for (const l of looseSkeleton(sk)) hit ??= gaz.looseIndex.get(l);
    const query = words.join(' ');
    const ok = hit?.filter((id) => {
      const p = gaz.places[id]!;
      if (!(p.level !== 'place' || p.authored || p.pop >= 5000 || (words.length > 1 && p.fcode === 'CSC')))
        return false;
      // the matching name ends like the text's (a vowel or not): "Karmali" is not "Kurmul"
      return p.names.some((n) => {
        if (HAS_ARABIC.test(n)) return false;
        const k = skeletonOf(n);
        return (
          (k === sk || looseSkeleton(k).some((l) => looseSkeleton(sk).includes(l))) &&
          vowelFinal(n) === vowelFinal(query)
        );
      });
    });
    if (ok?.length) best = { end: j + 1, ids: ok };
  }
  return best;
}

/**
 * Does a Latin name end in a vowel sound (a French mute e aside)? "Karmali", "Remada", "Raqqah",
 * "Harmeh", "Baiji" do; "Kurmul", "Kasserine", "Sirte" do not.
 */
function vowelFinal(name: string): boolean {
  const parts = latinParts(name);
  const w = parts[parts.length - 1] ?? '';
  // "-eh" is a final vowel ("Harmeh" = Hurma), a bare "-e" is not ("Kasserine" = Al Qasrayn)
  return /eh$/.test(w) || /[aiouy]h?$/.test(w);
}

/**
 * Words that are never part of a transliterated place name: function words (a capitalised "In"
 * after a run-on heading) and the words of actor and weapon names ("Islamic State", "Mortar").
 */
const SKELETON_STOP = new Set(
  (
    'in a an the on at of for and or to by with from after as is was were this that new ' +
    'islamic state states army forces force police front council brigade brigades battalion militia ' +
    'militias party movement group groups union guard guards shura mujahideen jihad liberation ' +
    'national popular democratic revolutionary federation coalition alliance ministry government ' +
    'mortar mortars shell shells bomb bombs attack attacks rocket rockets missile missiles car killed ' +
    // peoples and faiths ("the Kurdish city" is not Karaj, «Karadsch»)
    'kurdish kurds arab arabs turkmen yazidi christian christians sunni shia shiite druze alawite ' +
    'bedouin amazigh berber tuareg coptic'
  ).split(' '),
);

function scoreMention(
  gaz: Gazetteer,
  ids: number[],
  surface: Token[],
  ctx: Context,
  arabic: boolean,
  singleKey: string,
  unitKeys: readonly string[],
  lowerListed = false,
): number {
  let best = 0;
  for (const id of ids) {
    const p = gaz.places[id]!;
    let s: number;
    if (p.level === 'country' || p.level === 'admin1' || p.authored) s = 0.85;
    else if (p.pop >= 100_000) s = 0.8;
    else if (p.pop >= 20_000) s = 0.65;
    else s = 0.45;
    best = Math.max(best, s);
  }
  if (ctx.descriptor) best += 0.3;
  else if (ctx.direction) best += 0.2;
  else if (ctx.locative) best += 0.1;
  if (surface.length > 1) best += 0.1;
  if (singleKey) {
    // Kabyle "Ath Mansour", "Ait Yahia" (sons of): a village name, not the person name Mansour
    const kabyle = !arabic && surface.length > 1 && /^(Ath|Ait|Aït|Aith)$/.test(surface[0]!.text);
    const stopped = arabic ? unitKeys.some((k) => gaz.stopAr.has(k)) : gaz.stopEn.has(singleKey) && !kabyle;
    // an authored district that is also a person's name, right after "in" ("flash protests in
    // Faisal"): a place, at a lower confidence
    const inDistrict =
      !arabic &&
      ctx.inside &&
      ids.some((id) => gaz.places[id]!.authored && gaz.places[id]!.level === 'place');
    if (stopped && inDistrict && !ctx.descriptor) return 0.6;
    if (stopped && (!ctx.descriptor || AR_FACILITY_DESCRIPTORS.has(ctx.descriptor))) return 0;
    // Very short single names need a cue.
    if (singleKey.length <= 2 && !ctx.descriptor && !ctx.direction) return 0;
    // A single word known only from GeoNames may be a common word: ask for a cue or a big town.
    const known = ids.some((id) => {
      const p = gaz.places[id]!;
      return p.level !== 'place' || p.authored;
    });
    if (!known && !ctx.descriptor && !ctx.direction) {
      const pop = Math.max(...ids.map((id) => gaz.places[id]!.pop));
      if (arabic) {
        if (pop < 15_000 || (pop < 50_000 && !ctx.locative) || (singleKey.length < 4 && pop < 100_000))
          return 0;
      } else if (!ctx.locative && pop < 50_000) return 0;
      else if (ctx.locative) best = Math.max(best, 0.5);
    }
  }
  if (!arabic && !UPPER.test(surface[0]!.text)) {
    // "south Sinai", "central Sinai", "west Darfur": a lowercase direction word opening a named region
    const dirName =
      surface.length > 1 && EN_REGION_DIRECTIONS.has(surface[0]!.norm) && UPPER.test(surface[1]!.text);
    // "in illizi and Tamanrasset": a lowercase town listed with a capitalised one, if well known
    const listed =
      lowerListed &&
      surface.length === 1 &&
      singleKey.length >= 5 &&
      !gaz.stopEn.has(singleKey) &&
      ids.some((id) => {
        const p = gaz.places[id]!;
        return p.level === 'admin1' || p.authored || p.pop >= 20_000;
      });
    if (!dirName && !listed) return 0;
    if (listed) best = Math.min(best, 0.6);
  }
  return Math.min(1, best);
}

/**
 * Is the lowercase word at [s, e) a member of a list of places ("in illizi and Tamanrasset",
 * "Tamanrasset, illizi")? After a locative preposition or a list separator, next to a capitalised
 * word that is itself a gazetteer name across "and"/"or"/",".
 */
function listedWithPlace(
  doc: Doc,
  gaz: Gazetteer,
  s: number,
  e: number,
  sent: { tokenStart: number; tokenEnd: number },
): boolean {
  const toks = doc.tokens;
  const isSep = (t: Token | undefined) => !!t && (t.norm === 'and' || t.norm === 'or' || t.text === ',');
  const isPlaceWord = (t: Token | undefined) =>
    !!t &&
    t.kind === 'word' &&
    UPPER.test(t.text) &&
    !HAS_ARABIC.test(t.text) &&
    gaz.keyIndex.has(wordParts(t.text).join(' '));
  const prev = s > sent.tokenStart ? toks[s - 1] : undefined;
  const next = e < sent.tokenEnd ? toks[e] : undefined;
  const after = e + 1 < sent.tokenEnd ? toks[e + 1] : undefined;
  const before = s - 2 >= sent.tokenStart ? toks[s - 2] : undefined;
  if (prev && EN_LOCATIVE.has(prev.norm) && isSep(next) && isPlaceWord(after)) return true;
  return isSep(prev) && isPlaceWord(before);
}

/** Name particles that open the second half of a compound place name ("Rahad Abu Idrisa", "Wadi Um Ruwaba"). */
const EN_NAME_PARTICLES = new Set(['abu', 'um', 'umm', 'wad', 'ould', 'ibn', 'bin', 'bir']);

/**
 * A one-word English match followed by a particle and a capitalised word ("Rahad Abu Idrisa"): the
 * first word of a longer name the gazetteer does not know, not the town of that one word.
 */
function partOfLongerName(doc: Doc, units: Unit[], u: number, end: number, sentEnd: number): boolean {
  if (end - u !== 1) return false;
  const t = units[u]!.token;
  const tok = doc.tokens[t]!;
  if (HAS_ARABIC.test(tok.text) || !UPPER.test(tok.text) || !units[u]!.last) return false;
  const next = t + 1 < sentEnd ? doc.tokens[t + 1] : undefined;
  const after = t + 2 < sentEnd ? doc.tokens[t + 2] : undefined;
  return (
    !!next &&
    !!after &&
    next.kind === 'word' &&
    UPPER.test(next.text) &&
    EN_NAME_PARTICLES.has(next.norm) &&
    after.kind === 'word' &&
    UPPER.test(after.text)
  );
}

/** Finds place mentions; adds a 'place' span per mention. */
export function recognizePlaces(doc: Doc, gaz: Gazetteer): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const sent of doc.sentences) {
    const units = unitsOf(gaz, doc.tokens, sent.tokenStart, sent.tokenEnd);
    for (let u = 0; u < units.length; ) {
      const unit = units[u]!;
      if (!unit.keys.length) {
        u++;
        continue;
      }
      const tok = doc.tokens[unit.token]!;
      const arabic = HAS_ARABIC.test(tok.text);
      const m = matchAt(units, u);
      let ids: number[] = [];
      let end = u + 1;
      let via: GeoCandidate['via'] = 'alias';
      const longer =
        m && m.end - u === 1 && !arabic && UPPER.test(tok.text) && unit.first
          ? skeletonMatch(doc, gaz, units, u, sent.tokenStart, sent.tokenEnd)
          : null;
      if (m && longer && longer.end > m.end) {
        // "Ben Jawad" = Bin Jawad, not the town "Ben" followed by a word.
        ids = longer.ids;
        end = longer.end;
        via = 'skeleton';
      } else if (m) {
        ids = m.ids;
        end = m.end;
      } else if (!arabic && UPPER.test(tok.text) && unit.first) {
        // Transliteration fallback: 1-3 capitalised words with a known skeleton, after a cue.
        const fb = skeletonMatch(doc, gaz, units, u, sent.tokenStart, sent.tokenEnd);
        if (fb) {
          ids = fb.ids;
          end = fb.end;
          via = 'skeleton';
        }
      }
      if (!ids.length || partOfLongerName(doc, units, u, end, sent.tokenEnd)) {
        u++;
        continue;
      }
      let tokenStart = units[u]!.token;
      const tokenEnd = units[end - 1]!.token + 1;
      // Include a leading article token ("Al Hasakah").
      while (tokenStart > sent.tokenStart) {
        const t = doc.tokens[tokenStart - 1]!;
        if (
          t.kind === 'word' &&
          !HAS_ARABIC.test(t.text) &&
          !EN_WORD_ARTICLES.has(t.text) &&
          wordParts(t.text).every(isArticle)
        )
          tokenStart--;
        else break;
      }
      const surface = doc.tokens.slice(tokenStart, tokenEnd);
      const ctx = contextOf(doc, tokenStart, tokenEnd, sent.tokenStart, sent.tokenEnd);
      const singleKey = end - u === 1 ? (unit.keys.find((k) => gaz.keyIndex.has(k)) ?? unit.keys[0]!) : '';
      const lowerListed =
        !arabic && !UPPER.test(surface[0]!.text) && listedWithPlace(doc, gaz, tokenStart, tokenEnd, sent);
      let conf = scoreMention(gaz, ids, surface, ctx, arabic, singleKey, unit.keys, lowerListed);
      if (via === 'skeleton') conf = Math.min(conf, 0.55);
      const dateline = isDateline(doc, tokenStart, tokenEnd);
      if (dateline) conf = Math.max(conf, 0.9);
      if (conf < MIN_CONFIDENCE) {
        u++;
        continue;
      }
      const mention: PlaceMention = {
        tokenStart,
        tokenEnd,
        ...tokenRange(doc, tokenStart, tokenEnd),
        confidence: Math.round(conf * 100) / 100,
        candidates: ids.map((id) => candidateOf(gaz.places[id]!, via)),
      };
      if (ctx.descriptor) mention.descriptor = ctx.descriptor;
      if (ctx.direction) mention.direction = ctx.direction;
      if (ctx.regionOnly) mention.regionOnly = true;
      if (ctx.reference && !dateline) mention.reference = true;
      if (ctx.eventName && !dateline) mention.eventName = true;
      if (ctx.inside) mention.locative = true;
      mention.clauseStart = clauseStartOf(doc, tokenStart, sent.tokenStart);
      if (dateline) mention.dateline = true;
      out.push(mention);
      addSpan(doc, 'place', tokenStart, tokenEnd, mention);
      u = end;
    }
  }
  markDatelineCountries(doc, out);
  return out;
}

/** «الحسكة (سوريا) -», "ALEPPO, Syria (Reuters) -": the country right after a dateline place. */
function markDatelineCountries(doc: Doc, mentions: PlaceMention[]): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (!a.dateline || b.dateline) continue;
    const between = doc.tokens.slice(a.tokenEnd, b.tokenStart);
    if (between.length <= 2 && between.every((t) => t.kind === 'punct')) {
      if (b.candidates.some((c) => c.level === 'country')) b.dateline = true;
    }
  }
}
