/**
 * The background lexicon: words that make a clause about a war as a whole (war nouns, onset and
 * toll words, "since", superlatives, time units) and the limits of the plausibility guard.
 * Data: resources/background/{ar,en}.tsv and limits.json (format in resources/background/README.md),
 * validated on load.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../text/types.js';
import { resourcePath } from '../util/paths.js';
import { PhraseMatcher } from './matcher.js';
import { LexiconError, phraseIdentity, phraseProblem, readTsvRows } from './triggers.js';

export const BACKGROUND_KINDS = [
  'war',
  'not_war',
  'onset',
  'toll',
  'since',
  'since_then',
  'superlative',
  'unit',
  'age',
  'relative',
  'prep',
] as const;
export type BackgroundKind = (typeof BACKGROUND_KINDS)[number];

export interface BackgroundEntry {
  phrase: string;
  kind: BackgroundKind;
  /** Length in days (kind `unit` only). */
  days?: number;
  source: string;
}

export interface BackgroundLimits {
  maxEventFatalities: number;
  sinceMinDays: number;
  linkAfter: number;
  linkBefore: number;
  sinceWindow: number;
  superlativeWindow: number;
}

const HEADER = ['phrase', 'kind', 'days', 'note'] as const;

export interface ParsedBackground {
  entries: BackgroundEntry[];
  problems: string[];
}

/** Parses and validates a background TSV text. Never throws; duplicates are problems. */
export function parseBackground(text: string, file: string): ParsedBackground {
  const { rows, problems } = readTsvRows(text, file, HEADER, 2);
  const entries: BackgroundEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const [phrase = '', kind = '', daysText = ''] = cells;
    const at = `${file}:${line}`;
    const bad: string[] = [];
    const pp = phraseProblem(phrase);
    if (pp) bad.push(pp);
    if (!(BACKGROUND_KINDS as readonly string[]).includes(kind))
      bad.push(`unknown kind "${kind}" (use ${BACKGROUND_KINDS.join('|')})`);
    const days = Number(daysText);
    if (kind === 'unit' && !(daysText && Number.isInteger(days) && days > 0))
      bad.push(`a unit needs its length in days (a positive integer), got "${daysText}"`);
    if (kind !== 'unit' && daysText) bad.push(`only a unit has days, got "${daysText}"`);
    const key = `${phraseIdentity(phrase)}\u0000${kind}`;
    const prev = seen.get(key);
    if (prev !== undefined) bad.push(`duplicate of line ${prev}: "${phrase}" → ${kind}`);
    if (bad.length) {
      for (const b of bad) problems.push(`${at}: ${b}`);
      continue;
    }
    seen.set(key, line);
    entries.push({
      phrase,
      kind: kind as BackgroundKind,
      ...(kind === 'unit' ? { days } : {}),
      source: at,
    });
  }
  return { entries, problems };
}

/** Checks the limits object: every key present, a positive number. Returns the problems. */
export function limitsProblems(v: unknown): string[] {
  const keys: (keyof BackgroundLimits)[] = [
    'maxEventFatalities',
    'sinceMinDays',
    'linkAfter',
    'linkBefore',
    'sinceWindow',
    'superlativeWindow',
  ];
  if (!v || typeof v !== 'object') return ['limits must be a JSON object'];
  const o = v as Record<string, unknown>;
  const out: string[] = [];
  for (const k of keys) {
    const x = o[k];
    if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) out.push(`${k} must be a positive number`);
  }
  return out;
}

export interface BackgroundLexicon {
  entries: BackgroundEntry[];
  matcher: PhraseMatcher<BackgroundEntry>;
}

const cache = new Map<Lang, BackgroundLexicon>();
let limitsCache: BackgroundLimits | null = null;

/** Loads, validates and indexes resources/background/<lang>.tsv (cached); throws a LexiconError. */
export function loadBackground(lang: Lang): BackgroundLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const file = resourcePath('background', `${lang}.tsv`);
  const parsed = parseBackground(readFileSync(file, 'utf8'), file);
  if (parsed.problems.length) throw new LexiconError(file, parsed.problems);
  const matcher = new PhraseMatcher<BackgroundEntry>();
  for (const e of parsed.entries) matcher.add(e.phrase, e);
  const lex = { entries: parsed.entries, matcher };
  cache.set(lang, lex);
  return lex;
}

/** Loads and validates resources/background/limits.json (cached); throws a LexiconError. */
export function loadBackgroundLimits(): BackgroundLimits {
  if (limitsCache) return limitsCache;
  const file = resourcePath('background', 'limits.json');
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LexiconError(file, [`${file}: ${(e as Error).message}`]);
  }
  const problems = limitsProblems(v);
  if (problems.length)
    throw new LexiconError(
      file,
      problems.map((p) => `${file}: ${p}`),
    );
  limitsCache = v as BackgroundLimits;
  return limitsCache;
}
