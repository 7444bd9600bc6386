import type { PhraseTable } from '../numbers/common/phrases.js';
import type { Doc, Lang, Token } from '../types.js';
import type { YMD } from './common/calendar.js';

export type DateKind =
  | 'absolute'
  | 'relative_day'
  | 'weekday'
  | 'relative_week'
  | 'relative_month'
  | 'month'
  | 'year';

export interface DateValue {
  /** YYYY-MM-DD: the day; for precision 2 the middle of the week; for precision 3 the 15th of the month (1 July for a year). */
  date: string;
  /** 1 exact day, 2 within a week, 3 only the month (or coarser: a year). */
  precision: 1 | 2 | 3;
  /** True when the value was resolved against doc.published (yesterday, on Sunday, 21 January without a year). */
  relative: boolean;
  kind: DateKind;
  /** For year mentions (kind 'year': «عام 2014», "in 2011", "last year"). */
  year?: number;
}

export interface DateMatch {
  start: number;
  end: number;
  value: DateValue;
  /** Weekday named in the match (0 = Sunday), for merging «الجمعة 21 يناير». */
  weekday?: number;
  /** Kept only when merged with a following date: abbreviated weekdays (Wed, Sat), weekdays without a publication date. */
  provisional?: boolean;
  /** Days by which a named weekday moved a relative day («أمس الجمعة» when yesterday was not a Friday). */
  shift?: number;
}

export interface DateLexicon {
  lang: Lang;
  months: PhraseTable<number>;
  ambiguousMonths: Set<string>;
  weekdays: PhraseTable<number>;
  weekdayAbbrevs: PhraseTable<number>;
  weekdayBlockersAfter: Set<string>;
  weekdayBlockersBefore: Set<string>;
  dayWord: Set<string>;
  dayParts: PhraseTable<boolean>;
  dayPartsAfter: Set<string>;
  relativeDays: PhraseTable<number>;
  todayBlockersAfter: Set<string>;
  past: Set<string>;
  future: Set<string>;
  current: PhraseTable<boolean>;
  weekWords: Set<string>;
  monthWords: Set<string>;
  yearWords: Set<string>;
  agoWords: Set<string>;
  agoUnits: Map<string, [string, number]>;
  monthContextBefore: Set<string>;
  yearPrepsBefore: Set<string>;
  yearWordsBefore: Set<string>;
  yearSuffix: Set<string>;
  dayConnectors: Set<string>;
  weekdayDateConnectors: Set<string>;
}

export interface DateContext {
  doc: Doc;
  tokens: Token[];
  lang: Lang;
  lex: DateLexicon;
  /** The publication date, or null (then relative expressions are skipped). */
  pub: YMD | null;
  from: number;
  to: number;
}

export interface DateParser {
  name: string;
  /**
   * The words that open a match: the parser can match at token i only when i is a number or one
   * of i's readings (any proclitic) or forms is one of them. Absent: it is tried at every token.
   */
  firstWords?(lex: DateLexicon): Iterable<string>;
  match(ctx: DateContext, i: number): DateMatch | null;
}

export interface DateRefiner {
  name: string;
  refine(ctx: DateContext, matches: DateMatch[]): DateMatch[];
}

export interface DateConfig {
  lang: Lang;
  lex: DateLexicon;
  parsers: DateParser[];
  refiners: DateRefiner[];
}
