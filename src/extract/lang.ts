import type { Token } from '../text/types.js';

/**
 * Closed-class words the frame builder needs per language: role markers around actor mentions,
 * victim nouns, report verbs. They are grammar, not lexicon: the open classes (actors, triggers,
 * cues) live in resources/. Arabic words are normalised and without clitics (see text/normalize.ts).
 */
export interface LangRules {
  /** Word sequences right before an actor that make it the agent (شنه X, على يد X, by X). */
  agentMarkers: string[][];
  /** Word sequences right before an actor that make it the target (على X, ضد X, against X). */
  targetMarkers: string[][];
  /** "of": N من X, members of X → X is the victims' group. */
  partitive: string[];
  /** "between" and "and": بين X و Y. */
  between: string[];
  and: string[];
  /** "with": اشتبك مع X, clashed with X → the other side. */
  with: string[];
  /** Report verbs before a speaker: قال X, ذكرت X; in English the speaker comes before "said". */
  reportVerbs: string[];
  /** Person nouns that may stand between a number and "of X": عناصر، جنود، members. */
  personNouns: string[];
  /** Negation before a casualty word: لم يسفر عن قتلى, no one was killed. */
  noCasualties: string[];
  /** Auxiliaries skipped between a number and a participle (English: were killed). */
  auxiliaries: string[];
}

export function hasForm(t: Token | undefined, words: readonly string[] | Set<string>): boolean {
  if (!t) return false;
  const set = words instanceof Set ? words : null;
  for (const f of t.forms) {
    if (set ? set.has(f) : (words as readonly string[]).includes(f)) return true;
  }
  return false;
}

/** True when tokens [i - seq.length, i) spell the sequence (each element matched against forms). */
export function endsWithSeq(tokens: Token[], i: number, seq: string[]): boolean {
  if (i - seq.length < 0) return false;
  for (let k = 0; k < seq.length; k++) {
    const t = tokens[i - seq.length + k]!;
    if (!t.forms.includes(seq[k]!)) return false;
  }
  return true;
}
