/**
 * The actor lexicon: canonical ACLED-style actor names with English and Arabic aliases, read from
 * resources/actors/*.tsv (see resources/actors/README.md for the columns). Provides a validating
 * loader, a phrase matcher over the aliases (Arabic clitics handled by PhraseMatcher), a resolver
 * that picks one canonical actor for a mention given the article's country and year, and an
 * identity key for comparing actor names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { proclitReadings } from '../text/ar/clitics.js';
import { createDoc } from '../text/doc.js';
import type { Doc, Token } from '../text/types.js';
import { memoByObject } from '../util/memo.js';
import { resourcePath } from '../util/paths.js';
import { COUNTRY_NAMES, ISO2 } from './actors-countries.js';
import { type Match, PhraseMatcher, phraseKeys } from './matcher.js';
import { isUnitDesignation } from './units.js';

export const ACTOR_ROLES = [
  'military',
  'police',
  'government',
  'rebel',
  'jihadist',
  'militia',
  'identity_militia',
  'external',
  'party',
  'unidentified',
  'civilians',
  'protesters',
  'rioters',
  'other',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface ActorEntry {
  /** Canonical name (ACLED style); for generic entries a template with `{country}`. */
  name: string;
  /** ACLED actor type code 0-8. */
  inter: number;
  /** ISO 3166-1 alpha-2 codes where the name applies; empty = anywhere. */
  countries: string[];
  role: string;
  /** Validity years, inclusive; undefined = open. */
  from?: number;
  to?: number;
  aliasesEn: string[];
  aliasesAr: string[];
  /** Canonical name of the parent / associated actor (for assoc_actor). */
  parent?: string;
  /** Explicit identity key (for actors ACLED renamed over time); otherwise derived from the name. */
  identity?: string;
  notes?: string;
  /** A generic entry (generic.tsv): resolved by country, `template` holds the name pattern. */
  generic?: boolean;
  template?: string;
  /** Where the row was read from, `file:line`. */
  source: string;
  /**
   * Set on the matcher value of an alias written `~alias` in the TSV: a country-context alias that
   * only resolves when the article's country is in the entry's scope. `base` is the real entry.
   */
  scopedOnly?: boolean;
  /**
   * Set on the matcher value of an Arabic alias written `!alias`: it only counts when the text
   * carries the article (القاعدة is Al Qaeda, قاعدة a base; النهضة a party, نهضة a revival).
   */
  articleOnly?: boolean;
  /**
   * Set on the matcher value of a bare unit designation of a state's forces («الفرقة 25», "4th
   * Division"; see units.ts): outside the entry's countries it names the event country's own unit.
   */
  unitDesignation?: boolean;
  base?: ActorEntry;
}

export interface ActorMatch extends Match<ActorEntry> {
  /** The surface text of the match. */
  text: string;
}

export interface ActorLexicon {
  entries: ActorEntry[];
  /** Canonical name → entry (non-generic entries and generic templates). */
  byName: Map<string, ActorEntry>;
  matcher: PhraseMatcher<ActorEntry>;
  /** Phrase keys of case-sensitive acronym aliases (IS, US, UN) → their exact spellings. */
  caseSensitive: Map<string, Set<string>>;
  /** Phrase keys that some case-insensitive alias also produces. */
  caseInsensitive: Set<string>;
  /** Alias/name key → identity (for actorIdentity). */
  identityIndex: Map<string, string>;
  /** Files read. */
  files: string[];
}

export interface ResolvedActor {
  name: string;
  inter: number;
  role: string;
  entry: ActorEntry;
  parent?: string;
}

export interface ResolveContext {
  /** ISO 3166-1 alpha-2 code of the event's country. */
  country?: string;
  /** English country name for templates (defaults to the ACLED name of `country`). */
  countryName?: string;
  /** Event year, for validity periods. */
  year?: number;
}

const REQUIRED_COLUMNS = ['name', 'inter', 'countries', 'role', 'aliases_en', 'aliases_ar'] as const;
const KNOWN_COLUMNS = new Set([...REQUIRED_COLUMNS, 'from', 'to', 'parent', 'identity', 'notes']);
const ROLE_SET = new Set<string>(ACTOR_ROLES);
const ARABIC = /[\u0600-\u06FF]/;
/** A Latin acronym alias that must match case-sensitively: IS, US, UN, AU, SNA. */
const ACRONYM = /^[A-Z][A-Z0-9.\-/&']*[A-Z0-9.]$/;

const keyCache = new Map<string, string>();
/** Phrase keys of an alias joined by spaces (cached: aliases repeat across period entries). */
function keyOf(phrase: string): string {
  let k = keyCache.get(phrase);
  if (k === undefined) {
    k = phraseKeys(phrase).join(' ');
    keyCache.set(phrase, k);
  }
  return k;
}

export class ActorLexiconError extends Error {
  constructor(readonly problems: string[]) {
    super(`actor lexicon: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  }
}

function splitList(s: string, sep: string): string[] {
  return s.split(sep).map((x) => x.trim());
}

interface RawRow {
  file: string;
  line: number;
  cells: Record<string, string>;
}

function parseTsv(path: string, problems: string[]): RawRow[] {
  const file = basename(path);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: RawRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      for (const c of REQUIRED_COLUMNS) {
        if (!header.includes(c)) problems.push(`${file}:${lineNo}: header lacks column '${c}'`);
      }
      for (const c of header) {
        if (!KNOWN_COLUMNS.has(c)) problems.push(`${file}:${lineNo}: unknown column '${c}'`);
      }
      continue;
    }
    const lastRequired = Math.max(...REQUIRED_COLUMNS.map((c) => header!.indexOf(c)));
    if (cells.length > header.length) {
      problems.push(`${file}:${lineNo}: ${cells.length} fields, header has ${header.length}`);
      continue;
    }
    if (cells.length <= lastRequired) {
      problems.push(
        `${file}:${lineNo}: malformed row (${cells.length} field(s); tab-separated columns expected)`,
      );
      continue;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, k) => {
      rec[h] = (cells[k] ?? '').trim();
    });
    rows.push({ file, line: lineNo, cells: rec });
  }
  if (!header) problems.push(`${file}:1: empty file (no header)`);
  return rows;
}

function parseYear(s: string, where: string, col: string, problems: string[]): number | undefined {
  if (!s) return undefined;
  if (!/^\d{4}$/.test(s)) {
    problems.push(`${where}: ${col} '${s}' is not a year`);
    return undefined;
  }
  return Number(s);
}

function parseAliases(
  s: string,
  where: string,
  col: string,
  wantArabic: boolean,
  problems: string[],
): string[] {
  if (!s) return [];
  const out: string[] = [];
  for (const a of splitList(s, '|')) {
    const bare = a.replace(/^[~!]+/, '');
    if (!bare.replace(/\*/g, '').trim()) {
      problems.push(`${where}: empty alias in ${col}`);
      continue;
    }
    if (wantArabic && !ARABIC.test(bare)) problems.push(`${where}: ${col} alias '${a}' is not Arabic`);
    if (!wantArabic && ARABIC.test(bare)) problems.push(`${where}: ${col} alias '${a}' contains Arabic`);
    if (!/[\p{L}\p{N}]/u.test(bare)) problems.push(`${where}: alias '${a}' has no tokens`);
    out.push(a);
  }
  return out;
}

function rowToEntry(r: RawRow, generic: boolean, problems: string[]): ActorEntry | null {
  const where = `${r.file}:${r.line}`;
  const c = r.cells;
  const before = problems.length;
  const name = c.name ?? '';
  if (!name) problems.push(`${where}: empty name`);
  const interS = c.inter ?? '';
  const inter = Number(interS);
  if (!/^\d$/.test(interS) || inter < 0 || inter > 8) problems.push(`${where}: inter '${interS}' not in 0-8`);
  const countries = c.countries ? splitList(c.countries, ';').filter((x) => x !== '') : [];
  for (const cc of countries) {
    if (!/^[A-Z]{2}$/.test(cc) || !ISO2.has(cc))
      problems.push(`${where}: '${cc}' is not an ISO 3166-1 alpha-2 code`);
  }
  const role = c.role ?? '';
  if (!ROLE_SET.has(role)) problems.push(`${where}: unknown role '${role}'`);
  const from = parseYear(c.from ?? '', where, 'from', problems);
  const to = parseYear(c.to ?? '', where, 'to', problems);
  if (from !== undefined && to !== undefined && from > to) problems.push(`${where}: from ${from} > to ${to}`);
  const aliasesEn = parseAliases(c.aliases_en ?? '', where, 'aliases_en', false, problems);
  const aliasesAr = parseAliases(c.aliases_ar ?? '', where, 'aliases_ar', true, problems);
  const hasTemplate = name.includes('{country}');
  if (generic) {
    if (!hasTemplate && role !== 'military' && role !== 'police' && role !== 'government') {
      problems.push(`${where}: generic entry '${name}' needs a {country} template`);
    }
    if (aliasesEn.length + aliasesAr.length === 0) problems.push(`${where}: generic entry without aliases`);
  } else if (/[{}]/.test(name)) {
    problems.push(`${where}: '{' in a canonical name outside generic.tsv`);
  }
  if (countries.length === 0 && [...aliasesEn, ...aliasesAr].some((a) => /^[~!]*~/.test(a))) {
    problems.push(`${where}: '~' country-context alias on an entry without countries`);
  }
  for (const a of [...aliasesEn, ...aliasesAr]) {
    if (!/^[~!]*!/.test(a)) continue;
    const bare = a.replace(/^[~!]+/, '');
    if (!ARABIC.test(bare) || !/^ال/.test(bare) || /\s/.test(bare)) {
      problems.push(`${where}: '!' (article required) needs a one-word Arabic alias with ال: '${a}'`);
    }
  }
  if (problems.length > before) return null;
  const e: ActorEntry = {
    name,
    inter,
    countries,
    role,
    aliasesEn,
    aliasesAr,
    source: where,
  };
  if (from !== undefined) e.from = from;
  if (to !== undefined) e.to = to;
  if (c.parent) e.parent = c.parent;
  if (c.identity) e.identity = c.identity.toLowerCase();
  if (c.notes) e.notes = c.notes;
  if (generic) {
    e.generic = true;
    e.template = name;
  }
  return e;
}

/** Normalised comparison key of an English actor name or alias. */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\u00a0/g, ' ')
    .replace(/\*/g, '')
    .replace(/^the\s+/, '')
    .replace(/'/g, '')
    .replace(/[-_.,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The derived identity of a canonical name: ACLED abbreviation prefix and parentheticals dropped. */
function derivedIdentity(name: string): string {
  let s = name.replace(/\{country\}/g, '');
  s = s.replace(/^[A-Za-z0-9][A-Za-z0-9\-/.&']*:\s+/, ''); // "SDF: Syrian Democratic Forces"
  s = s.replace(/\([^)]*\)/g, ' ');
  return nameKey(s);
}

function stripParens(s: string): string {
  return s
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function entryIdentity(e: ActorEntry): string {
  return e.identity ?? derivedIdentity(e.name);
}

/** A country's military or police unit (state forces scoped to countries). */
function isStateUnit(e: ActorEntry): boolean {
  return (
    !e.generic && e.inter === 1 && (e.role === 'military' || e.role === 'police') && e.countries.length > 0
  );
}

/** Lists the *.tsv files of an actor directory (sorted, generic.tsv last). */
function tsvFiles(dir: string): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort((a, b) => (a === 'generic.tsv' ? 1 : b === 'generic.tsv' ? -1 : a.localeCompare(b)));
  return names.map((f) => join(dir, f));
}

/** Loads and validates every *.tsv under `dir` (default resources/actors). Throws ActorLexiconError. */
export function loadActorLexicon(dir: string = resourcePath('actors')): ActorLexicon {
  const problems: string[] = [];
  const entries: ActorEntry[] = [];
  const files = tsvFiles(dir);
  if (files.length === 0) problems.push(`${dir}: no .tsv files`);
  for (const f of files) {
    const generic = basename(f) === 'generic.tsv';
    for (const r of parseTsv(f, problems)) {
      const e = rowToEntry(r, generic, problems);
      if (e) entries.push(e);
    }
  }
  const byName = new Map<string, ActorEntry>();
  for (const e of entries) {
    const prev = byName.get(e.name);
    if (prev) problems.push(`${e.source}: duplicate canonical name '${e.name}' (first at ${prev.source})`);
    else byName.set(e.name, e);
  }
  for (const e of entries) {
    if (e.parent && !byName.has(e.parent)) problems.push(`${e.source}: unknown parent '${e.parent}'`);
    if (e.parent === e.name) problems.push(`${e.source}: entry is its own parent`);
  }
  if (problems.length) throw new ActorLexiconError(problems);

  const matcher = new PhraseMatcher<ActorEntry>();
  const caseSensitive = new Map<string, Set<string>>();
  const caseInsensitive = new Set<string>();
  const addPhrase = (phrase: string, e: ActorEntry) => {
    const marks = /^[~!]*/.exec(phrase)![0];
    const scoped = marks.includes('~');
    const articleOnly = marks.includes('!');
    const p = phrase.slice(marks.length).trim();
    if (!ARABIC.test(p)) {
      // Only Latin phrases can be case-sensitive acronyms; Arabic ones need no key here.
      const key = keyOf(p);
      if (ACRONYM.test(p)) {
        let set = caseSensitive.get(key);
        if (!set) {
          set = new Set();
          caseSensitive.set(key, set);
        }
        set.add(p.replace(/\./g, ''));
      } else caseInsensitive.add(key);
    }
    const unit = isStateUnit(e) && isUnitDesignation(p);
    if (scoped || articleOnly || unit) {
      const v: ActorEntry = { ...e, base: e };
      if (scoped) v.scopedOnly = true;
      if (articleOnly) v.articleOnly = true;
      if (unit) v.unitDesignation = true;
      matcher.add(p, v);
    } else matcher.add(p, e);
  };
  for (const e of entries) {
    const phrases = new Set<string>();
    if (!e.generic) {
      // The canonical name itself, without parentheticals, and the long form of "ABBR: Long Form".
      const bare = stripParens(e.name);
      const colon = /^([^:]+):\s+(.+)$/.exec(bare);
      if (colon) phrases.add(colon[2]!.trim());
      else if (/^[\p{L}\p{N}\s'’-]+$/u.test(bare)) phrases.add(bare);
    }
    for (const a of e.aliasesEn) phrases.add(a);
    for (const a of e.aliasesAr) phrases.add(a);
    for (const p of phrases) addPhrase(p, e);
  }

  const identityIndex = new Map<string, string>();
  const ambiguous = new Set<string>();
  const index = (k: string, id: string) => {
    if (!k || ambiguous.has(k)) return;
    const prev = identityIndex.get(k);
    if (prev === undefined) identityIndex.set(k, id);
    else if (prev !== id) {
      identityIndex.delete(k);
      ambiguous.add(k);
    }
  };
  for (const e of entries) {
    const id = entryIdentity(e);
    index(nameKey(e.name), id);
    index(nameKey(stripParens(e.name.replace(/\{country\}/g, ''))), id);
    index(derivedIdentity(e.name), id);
    for (const a of e.aliasesEn) index(nameKey(a.replace(/^[~!]+/, '')), id);
  }
  return { entries, byName, matcher, caseSensitive, caseInsensitive, identityIndex, files };
}

let defaultLexicon: ActorLexicon | null = null;

/** The lexicon under resources/actors, loaded once. */
export function defaultActorLexicon(): ActorLexicon {
  if (!defaultLexicon) defaultLexicon = loadActorLexicon();
  return defaultLexicon;
}

/** Drops matches of case-sensitive acronyms (IS, US) whose surface is not written in capitals. */
function acceptCase(lex: ActorLexicon, tokens: Token[], m: Match<ActorEntry>): boolean {
  const slice = tokens.slice(m.tokenStart, m.tokenEnd);
  const key = slice.map((t) => t.norm).join(' ');
  const exact = lex.caseSensitive.get(key);
  if (!exact || lex.caseInsensitive.has(key)) return true;
  const surface = slice
    .map((t) => t.text)
    .join(' ')
    .replace(/\./g, '')
    .replace(/['’]s$/, '');
  for (const x of exact) if (x.replace(/ /g, '') === surface.replace(/ /g, '')) return true;
  return false;
}

/**
 * Arabic tokens with the forms that only come from stripping a one-letter pronoun (ه ي ك) left
 * out: after normalisation ة→ه and ى→ي those readings are mostly wrong (أمني "security" is not
 * أمن + ي, المدنية is not المدني + ه), and actor aliases list construct forms (مسلحي) themselves.
 */
function actorTokens(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.forms.length < 2 || !ARABIC.test(t.norm)) continue;
    const keep = actorForms(t);
    if (keep !== t.forms) {
      out ??= tokens.slice();
      out[k] = { ...t, forms: keep };
    }
  }
  return out ?? tokens;
}

/** The actor forms of each forms array (shared by the tokens of one word): the same array when all stay. */
const actorFormsOf = new WeakMap<readonly string[], readonly string[]>();

function actorForms(t: Token): readonly string[] {
  let keep = actorFormsOf.get(t.forms);
  if (!keep) {
    const base = new Set(proclitReadings(t.norm).map((r) => r.stem));
    const kept = t.forms.filter((f) => {
      if (base.has(f)) return true;
      const viaLong = [...base].some(
        (b) => b.length > f.length + 1 && b.startsWith(f) && LONG_ENCLITICS.has(b.slice(f.length)),
      );
      if (viaLong) return true;
      return ![...base].some((b) => b.length === f.length + 1 && b.startsWith(f));
    });
    keep = kept.length === t.forms.length ? t.forms : kept;
    actorFormsOf.set(t.forms, keep);
  }
  return keep;
}

const LONG_ENCLITICS = new Set(['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها']);

/** Roles of generic group nouns (gunmen, militants, tribesmen, مسلحو) that a named group can absorb. */
const GROUP_NOUN_ROLES = new Set(['unidentified', 'identity_militia', 'militia']);
/** English words linking a group noun to the named group it belongs to ("gunmen from X"). */
const EN_LINKS = [
  ['of'],
  ['from'],
  ['belonging', 'to'],
  ['loyal', 'to'],
  ['affiliated', 'with'],
  ['affiliated', 'to'],
  ['linked', 'to'],
  ['allied', 'to'],
  ['allied', 'with'],
  ['associated', 'with'],
];

function entriesOf(m: Match<ActorEntry>): ActorEntry[] {
  return m.values.map((v) => v.base ?? v);
}

function isGroupNoun(m: Match<ActorEntry>): boolean {
  return entriesOf(m).every((e) => e.generic && GROUP_NOUN_ROLES.has(e.role));
}

function isNamed(m: Match<ActorEntry>): boolean {
  return entriesOf(m).some((e) => !e.generic);
}

/** A group a noun can belong to: a named actor, or the state (عناصر من الجيش, gunmen from the police). */
function isJoinTarget(m: Match<ActorEntry>): boolean {
  return isNamed(m) || entriesOf(m).every((e) => STATE_ROLES.has(e.role));
}

const STATE_ROLES = new Set(['military', 'police', 'government']);

/** An Arabic noun in the construct state (مسلحو، مسلحي، عناصر، ميليشيات) rather than definite or nunated. */
function arabicConstruct(t: Token): boolean {
  let w = t.norm;
  if (/^[وف]/.test(w) && w.length > 4) w = w.slice(1);
  if (/^[بلك]/.test(w) && w.length > 4 && !/^[بلك]ا/.test(w)) w = w.slice(1);
  return !w.startsWith('ال') && !/(ون|ين|ان)$/.test(w);
}

/** Whether the tokens between two matches are a link ("from", "loyal to", من, optional "the"). */
function linkBetween(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).map((t) => t.norm);
  if (words.length === 0) return false;
  if (words.length === 1 && words[0] === 'من') return true;
  for (const l of EN_LINKS) {
    if (words.length !== l.length && words.length !== l.length + 1) continue;
    if (!l.every((w, k) => words[k] === w)) continue;
    if (words.length === l.length || words[l.length] === 'the') return true;
  }
  return false;
}

/**
 * Joins a generic group noun to the named group it describes, so that the mention resolves to the
 * group: "Tabu tribesmen", "Wershefana militants" (named + noun, English only: in Arabic that order
 * is verb-subject-object), "armed men from Wershefana", "gunmen loyal to X", مسلحو التبو,
 * عناصر داعش, مسلحون من القبيلة (noun + link + named; an Arabic noun joins directly only in the
 * construct state).
 */
function joinGroupNouns(tokens: Token[], ms: Match<ActorEntry>[]): Match<ActorEntry>[] {
  const out: Match<ActorEntry>[] = [];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    const next = ms[k + 1];
    if (next && tokens[m.tokenStart]!.sentence === tokens[next.tokenStart]!.sentence) {
      const latin = !ARABIC.test(tokens[m.tokenEnd - 1]!.norm);
      if (isNamed(m) && isGroupNoun(next) && next.tokenStart === m.tokenEnd && latin) {
        out.push({ tokenStart: m.tokenStart, tokenEnd: next.tokenEnd, values: m.values });
        k++;
        continue;
      }
      if (isGroupNoun(m) && isJoinTarget(next)) {
        const adjacent = next.tokenStart === m.tokenEnd && !latin && arabicConstruct(tokens[m.tokenEnd - 1]!);
        if (adjacent || linkBetween(tokens, m.tokenEnd, next.tokenStart)) {
          out.push({ tokenStart: m.tokenStart, tokenEnd: next.tokenEnd, values: next.values });
          k++;
          continue;
        }
      }
    }
    out.push(m);
  }
  return out;
}

/** Drops the `!alias` values of a match whose (first) token lacks the Arabic article. */
function withArticle(tokens: Token[], m: Match<ActorEntry> | null): Match<ActorEntry> | null {
  if (!m?.values.some((v) => v.articleOnly)) return m;
  if (/^[وف]?(?:[بلك]?ال|لل)/.test(tokens[m.tokenStart]!.norm)) return m;
  const values = m.values.filter((v) => !v.articleOnly);
  return values.length ? { ...m, values } : null;
}

/** Actor mentions in a doc (or a token range of it): longest non-overlapping alias matches. */
export function findActors(lex: ActorLexicon, doc: Doc, from = 0, to = doc.tokens.length): ActorMatch[] {
  const out: ActorMatch[] = [];
  const tokens = actorTokens(doc.tokens);
  for (const s of doc.sentences) {
    const a = Math.max(from, s.tokenStart);
    const b = Math.min(to, s.tokenEnd);
    if (a >= b) continue;
    const raw: Match<ActorEntry>[] = [];
    for (let i = a; i < b; ) {
      const m = withArticle(tokens, lex.matcher.matchAt(tokens, i, b));
      if (m && acceptCase(lex, tokens, m)) {
        raw.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    for (const m of joinGroupNouns(tokens, raw)) {
      const start = doc.tokens[m.tokenStart]!.start;
      const end = doc.tokens[m.tokenEnd - 1]!.end;
      out.push({ ...m, text: doc.text.slice(start, end) });
    }
  }
  return out;
}

function inScope(e: ActorEntry, country?: string): boolean {
  return !!country && e.countries.includes(country);
}

function validIn(e: ActorEntry, year?: number): boolean {
  if (year === undefined) return true;
  return (e.from === undefined || year >= e.from) && (e.to === undefined || year <= e.to);
}

/**
 * Ranks entries for a context: in scope beats global beats out of scope; valid in the year beats
 * not; without a year, open-ended (current) entries are preferred; then file order.
 */
function rank(entries: ActorEntry[], ctx: ResolveContext): ActorEntry[] {
  const score = (e: ActorEntry) => {
    let s = 0;
    if (ctx.country) s += inScope(e, ctx.country) ? 200 : e.countries.length === 0 ? 100 : 0;
    if (ctx.year !== undefined) s += validIn(e, ctx.year) ? 20 : 0;
    else s += e.to === undefined ? 20 : 0;
    if (e.countries.length > 0) s += 1; // a scoped name beats a global one at equal rank
    return s;
  };
  const order = new Map<ActorEntry, number>();
  entries.forEach((e, i) => {
    order.set(e, i);
  });
  return [...entries].sort((a, b) => score(b) - score(a) || order.get(a)! - order.get(b)!);
}

function resolved(e: ActorEntry, name: string, inter: number, ctx: ResolveContext): ResolvedActor {
  // State forces outside their own country are external forces in ACLED.
  let i = inter;
  if (i === 1 && ctx.country && e.countries.length > 0 && !e.countries.includes(ctx.country)) i = 8;
  const r: ResolvedActor = { name, inter: i, role: e.role, entry: e };
  if (e.parent) r.parent = e.parent;
  return r;
}

function countryNameOf(ctx: ResolveContext): string | undefined {
  return ctx.countryName ?? (ctx.country ? COUNTRY_NAMES[ctx.country.toUpperCase()] : undefined);
}

/**
 * The state forces of each country (named entries with inter 1 and no parent), by `role|ISO2`, in
 * lexicon order; built once per lexicon.
 */
const stateEntries = memoByObject((lex: ActorLexicon): Map<string, ActorEntry[]> => {
  const index = new Map<string, ActorEntry[]>();
  for (const e of lex.entries) {
    if (e.generic || e.inter !== 1 || e.parent) continue;
    for (const cc of new Set(e.countries)) {
      const key = `${e.role}|${cc}`;
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    }
  }
  return index;
});

/** The country's state entry of a role (military, police, government) valid in `year`. */
export function stateActor(
  lex: ActorLexicon,
  role: 'military' | 'police' | 'government',
  iso2: string,
  year?: number,
): ResolvedActor | null {
  const cc = iso2.toUpperCase();
  const cands = stateEntries(lex).get(`${role}|${cc}`);
  if (!cands) return null;
  const ctx = { country: cc, year };
  const best = rank(cands, ctx)[0]!;
  return resolved(best, best.name, best.inter, ctx);
}

function expandGeneric(lex: ActorLexicon, e: ActorEntry, ctx: ResolveContext): ResolvedActor | null {
  if (e.role === 'military' || e.role === 'police' || e.role === 'government') {
    if (ctx.country) {
      const s = stateActor(lex, e.role, ctx.country, ctx.year);
      if (s) return s;
    }
    const cn = countryNameOf(ctx);
    if (!cn || !e.template?.includes('{country}')) return null;
    return resolved(e, e.template.replace('{country}', cn), e.inter, {});
  }
  const cn = countryNameOf(ctx);
  if (!cn || !e.template) return null;
  return resolved(e, e.template.replace('{country}', cn), e.inter, {});
}

/**
 * Picks one canonical actor among the candidates of a mention (the values of a matcher match).
 * Specific entries in the country's scope win; then generic entries expanded for the country
 * (templates, or the country's police/military for the period); then specific entries with a
 * global scope, then specific entries of other countries (a "Syrian army" in an Iraqi article).
 * Country-context aliases (`~alias`) only count in scope. A bare unit designation of another
 * country's forces («الفرقة 25» of Syria's army in a Libyan article) is the country's own forces
 * of that role, never the foreign unit. Returns null when nothing fits.
 */
export function resolveActor(
  lex: ActorLexicon,
  candidates: ActorEntry[],
  ctx: ResolveContext,
): ResolvedActor | null {
  const country = ctx.country?.toUpperCase();
  const c: ResolveContext = { ...ctx, country };
  const specific: ActorEntry[] = [];
  const generic: ActorEntry[] = [];
  /** Units named by a bare designation in another country's event: that country's own forces. */
  const foreignUnits: ActorEntry[] = [];
  const seen = new Set<ActorEntry>();
  for (const cand of candidates) {
    const e = cand.base ?? cand;
    if (cand.scopedOnly && !inScope(e, country)) continue;
    if (seen.has(e)) continue;
    seen.add(e);
    if (cand.unitDesignation && country && !inScope(e, country)) foreignUnits.push(e);
    else (e.generic ? generic : specific).push(e);
  }
  const ranked = rank(specific, c);
  const top = ranked[0];
  if (top && (inScope(top, country) || (!country && top.countries.length > 0))) {
    return resolved(top, top.name, top.inter, c);
  }
  for (const g of generic) {
    const r = expandGeneric(lex, g, c);
    if (r) return r;
  }
  for (const u of foreignUnits) {
    const r = localForces(lex, u.role, c);
    if (r) return r;
  }
  if (top) return resolved(top, top.name, top.inter, c);
  return null;
}

/**
 * The event country's own forces of a role (its army for a «الفرقة 25» named in its news): the
 * country's state entry for the year, else the generic template expanded for the country.
 */
function localForces(lex: ActorLexicon, role: string, ctx: ResolveContext): ResolvedActor | null {
  const g = lex.entries.find((e) => e.generic && e.role === role && e.template?.includes('{country}'));
  return g ? expandGeneric(lex, g, ctx) : null;
}

/** Resolves a mention's text (an alias or a canonical name) directly, without a doc. */
export function resolveName(lex: ActorLexicon, text: string, ctx: ResolveContext): ResolvedActor | null {
  const exact = lex.byName.get(text.trim());
  if (exact) return resolveActor(lex, [exact], ctx);
  const doc = miniDoc(text);
  const tokens = actorTokens(doc.tokens);
  const m = withArticle(tokens, lex.matcher.matchAt(tokens, 0));
  if (!m || m.tokenEnd !== tokens.length || !acceptCase(lex, tokens, m)) return null;
  return resolveActor(lex, m.values, ctx);
}

function miniDoc(text: string): Doc {
  return createDoc({ text, lang: ARABIC.test(text) ? 'ar' : 'en' });
}

/** The parent chain of an entry's canonical name (e.g. Asayish → SDF), nearest first. */
export function parentsOf(lex: ActorLexicon, name: string): string[] {
  const out: string[] = [];
  let e = lex.byName.get(name);
  while (e?.parent && !out.includes(e.parent)) {
    out.push(e.parent);
    e = lex.byName.get(e.parent);
  }
  return out;
}

/**
 * A normalised identity key for comparing actor names: aliases and renamed variants map to one
 * key (IS = ISIS = Daesh = Islamic State (Iraq) → 'islamic state'; 'Military Forces of Egypt
 * (2014-)' → 'military forces of egypt'; 'Civilians (Syria)' → 'civilians'). Unknown names get a
 * derived key (abbreviation prefix and parentheticals dropped, lower case, punctuation folded).
 */
export function actorIdentity(name: string, lex: ActorLexicon = defaultActorLexicon()): string {
  const idx = lex.identityIndex;
  const k = nameKey(name);
  const direct = idx.get(k);
  if (direct) return direct;
  const bare = nameKey(stripParens(name));
  const viaBare = idx.get(bare);
  if (viaBare) return viaBare;
  const derived = derivedIdentity(name);
  return idx.get(derived) ?? derived;
}
