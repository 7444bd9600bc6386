/**
 * The trigger lexicon: words and phrases that report an event, each with the ACLED sub-event type
 * it signals (or a pseudo-type: KILL, WOUND, ATTACK, CLAIM), its grammatical form and a weight.
 * Data: resources/triggers/{ar,en}.tsv (format in resources/triggers/README.md). The files are
 * validated on load; any problem is an error naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { eventTypeOf, isSubEventType } from '../model/taxonomy.js';
import type { Doc, Lang } from '../text/types.js';
import { resourcePath } from '../util/paths.js';
import { type Match, PhraseMatcher, phraseKeys } from './matcher.js';

/** Pseudo-types: facts that attach to an event frame, or a generic attack typed by its target and weapon. */
export const TRIGGER_PSEUDO_TYPES = ['KILL', 'WOUND', 'ATTACK', 'CLAIM'] as const;
export type TriggerPseudoType = (typeof TRIGGER_PSEUDO_TYPES)[number];

export const TRIGGER_FORMS = ['verb', 'passive', 'noun', 'adj'] as const;
export type TriggerForm = (typeof TRIGGER_FORMS)[number];

export interface TriggerEntry {
  /** The phrase as written in the file. */
  phrase: string;
  /** One of the 25 ACLED sub-event types, or KILL | WOUND | ATTACK | CLAIM. */
  subEventType: string;
  /** The ACLED event type of subEventType; undefined for a pseudo-type. */
  eventType?: string;
  form: TriggerForm;
  /** 0.1–1.0: how strongly the phrase alone reports the sub-event. */
  weight: number;
  lang: Lang;
  /** True for KILL, WOUND, ATTACK, CLAIM. */
  pseudo: boolean;
  note?: string;
  /** `file:line` of the entry, for messages. */
  source: string;
}

/** An invalid lexicon file: `problems` lists every error as `file:line: message`. */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s) in lexicon\n  ${problems.join('\n  ')}`);
    this.name = 'LexiconError';
  }
}

export interface TsvRow {
  /** 1-based line number in the file. */
  line: number;
  cells: string[];
}

/**
 * Reads a TSV lexicon: skips blank lines and `#` comments, checks the header row (first content
 * line) against `header`, and returns the data rows with their line numbers. Rows may omit
 * trailing optional columns (those after `required`), never add extra ones.
 */
export function readTsvRows(
  text: string,
  file: string,
  header: readonly string[],
  required: number,
): { rows: TsvRow[]; problems: string[] } {
  const rows: TsvRow[] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const cells = raw.split('\t').map((c) => c.trim());
    const line = i + 1;
    if (!sawHeader) {
      sawHeader = true;
      const got = cells.map((c) => c.toLowerCase());
      if (got.length !== header.length || got.some((c, k) => c !== header[k])) {
        problems.push(`${file}:${line}: header must be "${header.join('\\t')}", got "${cells.join('\\t')}"`);
      }
      continue;
    }
    if (cells.length > header.length || cells.length < required) {
      problems.push(
        `${file}:${line}: expected ${required === header.length ? header.length : `${required}-${header.length}`} tab-separated columns (${header.join(', ')}), got ${cells.length}`,
      );
      continue;
    }
    rows.push({ line, cells });
  }
  if (!sawHeader) problems.push(`${file}: empty lexicon (no header row)`);
  return { rows, problems };
}

/** Problems with a phrase's syntax (empty, misplaced `*`), or null when it is fine. */
export function phraseProblem(phrase: string): string | null {
  if (!phrase.trim()) return 'empty phrase';
  if (/\*(?=\S)/u.test(phrase)) return `"*" must end a token in "${phrase}"`;
  if (/(^|\s)\*/u.test(phrase)) return `"*" must follow at least one letter in "${phrase}"`;
  if (phraseKeys(phrase).length === 0) return `phrase "${phrase}" has no matchable token`;
  return null;
}

/** The normalised identity of a phrase (its matcher keys), used to find duplicates. */
export function phraseIdentity(phrase: string): string {
  return phraseKeys(phrase).join(' ');
}

export function isTriggerType(t: string): boolean {
  return isSubEventType(t) || (TRIGGER_PSEUDO_TYPES as readonly string[]).includes(t);
}

const TRIGGER_HEADER = ['phrase', 'sub_event_type', 'form', 'weight', 'note'] as const;

export interface ParsedTriggers {
  entries: TriggerEntry[];
  /** Errors: the file must not be used. */
  problems: string[];
  /** The same phrase (after normalisation) listed twice for the same sub-event type. */
  duplicates: string[];
}

/** Parses and validates a trigger TSV text. Never throws. */
export function parseTriggers(text: string, file: string, lang: Lang): ParsedTriggers {
  const { rows, problems } = readTsvRows(text, file, TRIGGER_HEADER, 4);
  const entries: TriggerEntry[] = [];
  const duplicates: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const [phrase = '', type = '', form = '', weightText = '', note = ''] = cells;
    const at = `${file}:${line}`;
    const bad: string[] = [];
    const pp = phraseProblem(phrase);
    if (pp) bad.push(pp);
    if (!isTriggerType(type)) {
      bad.push(
        `unknown sub_event_type "${type}" (use an ACLED sub-event type or ${TRIGGER_PSEUDO_TYPES.join('|')})`,
      );
    }
    if (!(TRIGGER_FORMS as readonly string[]).includes(form)) {
      bad.push(`unknown form "${form}" (use ${TRIGGER_FORMS.join('|')})`);
    }
    const weight = Number(weightText);
    if (!weightText || !Number.isFinite(weight) || weight < 0.1 || weight > 1) {
      bad.push(`weight "${weightText}" must be a number in 0.1–1.0`);
    }
    if (bad.length) {
      for (const b of bad) problems.push(`${at}: ${b}`);
      continue;
    }
    const key = `${phraseIdentity(phrase)}\u0000${type}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      duplicates.push(`${at}: duplicate of line ${prev}: "${phrase}" → ${type}`);
      continue;
    }
    seen.set(key, line);
    const pseudo = !isSubEventType(type);
    entries.push({
      phrase,
      subEventType: type,
      eventType: pseudo ? undefined : eventTypeOf(type),
      form: form as TriggerForm,
      weight,
      lang,
      pseudo,
      note: note || undefined,
      source: at,
    });
  }
  return { entries, problems, duplicates };
}

export function triggerPath(lang: Lang): string {
  return resourcePath('triggers', `${lang}.tsv`);
}

export interface TriggerLexicon {
  entries: TriggerEntry[];
  matcher: PhraseMatcher<TriggerEntry>;
  /** Duplicate lines (skipped; the first one is kept). */
  duplicates: string[];
}

const cache = new Map<Lang, TriggerLexicon>();

/** Builds a matcher over trigger entries. */
export function buildTriggerMatcher(entries: readonly TriggerEntry[]): PhraseMatcher<TriggerEntry> {
  const m = new PhraseMatcher<TriggerEntry>();
  for (const e of entries) m.add(e.phrase, e);
  return m;
}

/**
 * Loads, validates and indexes resources/triggers/<lang>.tsv (cached). Throws a LexiconError
 * listing every invalid line; duplicates are skipped and reported in `duplicates`.
 */
export function loadTriggers(lang: Lang): TriggerLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const file = triggerPath(lang);
  const parsed = parseTriggers(readFileSync(file, 'utf8'), file, lang);
  if (parsed.problems.length) throw new LexiconError(file, parsed.problems);
  const lex: TriggerLexicon = {
    entries: parsed.entries,
    matcher: buildTriggerMatcher(parsed.entries),
    duplicates: parsed.duplicates,
  };
  cache.set(lang, lex);
  return lex;
}

/** All trigger matches in a doc (longest, non-overlapping, within sentences), in the doc's language. */
export function matchTriggers(doc: Doc): Match<TriggerEntry>[] {
  return loadTriggers(doc.lang).matcher.matchDoc(doc);
}

/** Forgets loaded lexicons (for tests or after editing the files). */
export function clearTriggerCache(): void {
  cache.clear();
}
