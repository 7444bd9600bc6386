/**
 * The cue lexicon: words that change whether a trigger reports a real, recent event (negation,
 * future, hypothetical, fear, threat, plan, opinion, denial, history, trial, funeral, statistic,
 * call, question, warning), neutral attribution (report), toll updates, and lexical classes that
 * help type an event (armed/civilian targets and victims, militant, death, wound, arrest and
 * protester nouns), plus `non_event` blockers. Data: resources/cues/{ar,en}.tsv (format in
 * resources/cues/README.md), validated on load.
 */
import { readFileSync } from 'node:fs';
import type { Doc, Lang } from '../text/types.js';
import { resourcePath } from '../util/paths.js';
import { type Match, PhraseMatcher } from './matcher.js';
import { LexiconError, phraseIdentity, phraseProblem, readTsvRows } from './triggers.js';

export const CUE_KINDS = [
  // modality and framing: change whether a trigger is a real, recent event
  'negation',
  'future',
  'hypothetical',
  'fear',
  'threat',
  'plan',
  'opinion',
  'condemnation',
  'denial',
  'history',
  'trial',
  'funeral',
  'statistic',
  'call',
  'question',
  'warning',
  // attribution and counts
  'report',
  'toll_update',
  // lexical classes (scope none)
  'armed_target',
  'civilian_target',
  'civilian_victim',
  'armed_victim',
  'militant_noun',
  'death_noun',
  'wound_noun',
  'arrest_noun',
  'protester_noun',
  // a phrase that contains a trigger (or cue) word but reports no event: ضربة جزاء, gas explosion
  'non_event',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** Kinds that, when in scope, mean the trigger is not a real, recent event (modulo the builder's judgement). */
export const BLOCKING_CUE_KINDS: readonly CueKind[] = [
  'negation',
  'future',
  'hypothetical',
  'fear',
  'threat',
  'plan',
  'opinion',
  'denial',
  'history',
  'trial',
  'funeral',
  'statistic',
  'call',
  'question',
  'warning',
  'non_event',
];

/** Lexical-class kinds: they describe a word, not the modality of a clause. */
export const CLASS_CUE_KINDS: readonly CueKind[] = [
  'armed_target',
  'civilian_target',
  'civilian_victim',
  'armed_victim',
  'militant_noun',
  'death_noun',
  'wound_noun',
  'arrest_noun',
  'protester_noun',
];

/** clause | sentence | prev | none | nextN (N = 1–20; the files use next3 and next8). */
export const CUE_SCOPES = ['clause', 'sentence', 'prev', 'none', 'next3', 'next8'] as const;
export type CueScope = string;

export function isCueScope(s: string): boolean {
  return (CUE_SCOPES as readonly string[]).includes(s) || /^next([1-9]|1\d|20)$/.test(s);
}

/** The token window of a `nextN` scope, or null for the other scopes. */
export function scopeWindow(scope: string): number | null {
  const m = /^next(\d+)$/.exec(scope);
  return m ? Number(m[1]) : null;
}

export interface CueEntry {
  phrase: string;
  kind: CueKind;
  scope: CueScope;
  lang: Lang;
  note?: string;
  /** `file:line` of the entry. */
  source: string;
}

const CUE_HEADER = ['phrase', 'kind', 'scope', 'note'] as const;

export interface ParsedCues {
  entries: CueEntry[];
  problems: string[];
  /** The same phrase (after normalisation) listed twice with the same kind. */
  duplicates: string[];
}

/** Parses and validates a cue TSV text. Never throws. */
export function parseCues(text: string, file: string, lang: Lang): ParsedCues {
  const { rows, problems } = readTsvRows(text, file, CUE_HEADER, 3);
  const entries: CueEntry[] = [];
  const duplicates: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const [phrase = '', kind = '', scope = '', note = ''] = cells;
    const at = `${file}:${line}`;
    const bad: string[] = [];
    const pp = phraseProblem(phrase);
    if (pp) bad.push(pp);
    if (!(CUE_KINDS as readonly string[]).includes(kind))
      bad.push(`unknown kind "${kind}" (use ${CUE_KINDS.join('|')})`);
    if (!isCueScope(scope)) bad.push(`unknown scope "${scope}" (use ${CUE_SCOPES.join('|')})`);
    if (bad.length) {
      for (const b of bad) problems.push(`${at}: ${b}`);
      continue;
    }
    const key = `${phraseIdentity(phrase)}\u0000${kind}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      duplicates.push(`${at}: duplicate of line ${prev}: "${phrase}" → ${kind}`);
      continue;
    }
    seen.set(key, line);
    entries.push({ phrase, kind: kind as CueKind, scope, lang, note: note || undefined, source: at });
  }
  return { entries, problems, duplicates };
}

export function cuePath(lang: Lang): string {
  return resourcePath('cues', `${lang}.tsv`);
}

export interface CueLexicon {
  entries: CueEntry[];
  matcher: PhraseMatcher<CueEntry>;
  duplicates: string[];
}

const cache = new Map<Lang, CueLexicon>();

export function buildCueMatcher(entries: readonly CueEntry[]): PhraseMatcher<CueEntry> {
  const m = new PhraseMatcher<CueEntry>();
  for (const e of entries) m.add(e.phrase, e);
  return m;
}

/**
 * Loads, validates and indexes resources/cues/<lang>.tsv (cached). Throws a LexiconError listing
 * every invalid line; duplicates are skipped and reported in `duplicates`.
 */
export function loadCues(lang: Lang): CueLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const file = cuePath(lang);
  const parsed = parseCues(readFileSync(file, 'utf8'), file, lang);
  if (parsed.problems.length) throw new LexiconError(file, parsed.problems);
  const lex: CueLexicon = {
    entries: parsed.entries,
    matcher: buildCueMatcher(parsed.entries),
    duplicates: parsed.duplicates,
  };
  cache.set(lang, lex);
  return lex;
}

/** All cue matches in a doc (longest, non-overlapping, within sentences), in the doc's language. */
export function matchCues(doc: Doc): Match<CueEntry>[] {
  return loadCues(doc.lang).matcher.matchDoc(doc);
}

export function clearCueCache(): void {
  cache.clear();
}
