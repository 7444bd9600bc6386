import type { Lang, Token } from '../types.js';
import type { PhraseTable } from './common/phrases.js';

export type NumberKind = 'exact' | 'at_least' | 'about' | 'at_most' | 'vague' | 'range';

/** Non-count units a number can carry; callers skip numbers with a unit when counting people. */
export type NumberUnit =
  | 'year'
  | 'time'
  | 'date'
  | 'percent'
  | 'money'
  | 'distance'
  | 'weight'
  | 'area'
  | 'duration'
  | 'age'
  | 'times';

export interface NumberValue {
  /** The number to use (for vague quantities, the taxonomy's conventional value; for ranges, the minimum). */
  value: number;
  kind: NumberKind;
  /** For ranges and bounds (at_least → min, at_most → max). */
  min?: number;
  max?: number;
  /** A vague quantity word (dozens, عشرات, several, عدد من). */
  vague?: boolean;
  /** An ordinal (the third, الثالث, 21st): not a count. */
  ordinal?: boolean;
  /** A dual noun that carries the number itself (قتيلان, جنديين = 2). */
  dual?: boolean;
  /** A non-count unit right after (or before) the number: percent, money, year, time, date... */
  unit?: NumberUnit | string;
}

/** A parse result over tokens [start, end). */
export interface NumMatch {
  start: number;
  end: number;
  value: NumberValue;
  /** Proclitic on the first token (Arabic و in «بين عشرة وخمسة عشر»), used to join ranges. */
  prefix?: string;
}

export interface NumberLexicon {
  lang: Lang;
  /** Scale words after digits: 3 آلاف, 2.5 million. */
  digitScales: Map<string, number>;
  modifiersBefore: PhraseTable<NumberKind>;
  modifiersAfter: PhraseTable<NumberKind>;
  rangeStart: PhraseTable<boolean>;
  rangeJoin: Set<string>;
  unitWords: PhraseTable<string>;
  currencyBefore: Set<string>;
  yearBefore: Set<string>;
  yearAfter: Set<string>;
  timeBefore: Set<string>;
  timeAfter: Set<string>;
  ordinalSuffixes: Set<string>;
  months: PhraseTable<number>;
}

export interface NumberContext {
  tokens: Token[];
  lang: Lang;
  lex: NumberLexicon;
  /** Token range being scanned (one sentence). */
  from: number;
  to: number;
}

export interface NumberParser {
  name: string;
  /**
   * The words that open a match: the parser can match at token i only when i is a number or one
   * of i's readings (any proclitic) or forms is one of them. Absent: it is tried at every token.
   */
  firstWords?(): Iterable<string>;
  match(ctx: NumberContext, i: number): NumMatch | null;
}

export interface NumberRefiner {
  name: string;
  refine(ctx: NumberContext, matches: NumMatch[]): NumMatch[];
}

/** A configuration, in the style of chrono-node: parsers tried at each token, then refiners in order. */
export interface NumberConfig {
  lang: Lang;
  lex: NumberLexicon;
  parsers: NumberParser[];
  refiners: NumberRefiner[];
}
