/** The document model shared by every component (in the spirit of spaCy's Doc). */

export type Lang = 'ar' | 'en';

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token {
  /** Index of the token in doc.tokens. */
  i: number;
  /** Offsets into doc.text (the original, never modified). */
  start: number;
  end: number;
  /** The surface form, exactly as in the original. */
  text: string;
  /** Normalised form of the whole token (see text/normalize.ts). */
  norm: string;
  /**
   * Candidate matching forms, best first: the normalised form, then clitic-stripped readings.
   * Shared by the tokens of one word (computed once per distinct word): read-only.
   */
  forms: readonly string[];
  /** Best-guess segmentation of an Arabic token: proclitics, stem, enclitic (normalised). */
  prefix: string;
  stem: string;
  suffix: string;
  kind: TokenKind;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** 'title' for the headline, 'text' for the body. */
  part: 'title' | 'text';
  /** Paragraph index (0-based) inside its part. */
  paragraph: number;
}

/** A labelled range of tokens with a typed value, added by a component. */
export interface Span<V = unknown> {
  label: string;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  value: V;
}

export interface DocInput {
  id?: string;
  text: string;
  title?: string;
  published?: string;
  lang?: Lang;
  url?: string;
  source?: string;
}

export interface Doc {
  id: string;
  /** The analysed text: the title (if any), a blank line, then the body. Offsets refer to it. */
  text: string;
  /** Length of the title part including the separator; 0 when there is no title. */
  bodyOffset: number;
  /** The title as given (may be empty). */
  title: string;
  lang: Lang;
  /** Publication date YYYY-MM-DD, if known. */
  published?: string;
  url?: string;
  source?: string;
  tokens: Token[];
  sentences: Sentence[];
  spans: Span[];
}

/** Where an offset of doc.text lies in the article: the title or the body, with the local offset. */
export function localOffset(doc: Doc, offset: number): { part: 'title' | 'text'; offset: number } {
  if (doc.bodyOffset > 0 && offset < doc.bodyOffset) return { part: 'title', offset };
  return { part: 'text', offset: offset - doc.bodyOffset };
}

export function spansOf<V>(doc: Doc, label: string): Span<V>[] {
  return doc.spans.filter((s) => s.label === label) as Span<V>[];
}

/** The character range and text of the tokens [tokenStart, tokenEnd). */
export function tokenRange(
  doc: Doc,
  tokenStart: number,
  tokenEnd: number,
): { start: number; end: number; text: string } {
  const start = doc.tokens[tokenStart]!.start;
  const end = doc.tokens[tokenEnd - 1]!.end;
  return { start, end, text: doc.text.slice(start, end) };
}

export function spanText(doc: Doc, s: { start: number; end: number }): string {
  return doc.text.slice(s.start, s.end);
}
