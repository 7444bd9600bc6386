import { detectLang } from './lang.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';
import type { Doc, DocInput, Span, Token } from './types.js';

/** Separator between title and body in doc.text. */
export const TITLE_SEPARATOR = '\n\n';

/**
 * Builds the Doc: the analysed text (title, blank line, body), tokens with offsets and clitic
 * readings, and sentences. Components then add spans to it.
 */
export function createDoc(input: DocInput): Doc {
  const title = (input.title ?? '').trim() ? input.title! : '';
  const bodyOffset = title ? title.length + TITLE_SEPARATOR.length : 0;
  const text = title ? title + TITLE_SEPARATOR + input.text : input.text;
  const lang = input.lang ?? detectLang(text);
  const tokens: Token[] = [];
  const sentences: Doc['sentences'] = [];
  if (title) {
    tokenize(text, 0, title.length, tokens);
    splitSentences(text, tokens, 0, tokens.length, 'title', sentences);
  }
  const bodyFrom = tokens.length;
  tokenize(text, bodyOffset, text.length, tokens);
  splitSentences(text, tokens, bodyFrom, tokens.length, 'text', sentences);
  return {
    id: input.id ?? '',
    text,
    bodyOffset,
    title,
    lang,
    published: input.published,
    url: input.url,
    source: input.source,
    tokens,
    sentences,
    spans: [],
  };
}

/** Adds a span covering tokens [tokenStart, tokenEnd). */
export function addSpan<V>(doc: Doc, label: string, tokenStart: number, tokenEnd: number, value: V): Span<V> {
  const first = doc.tokens[tokenStart]!;
  const last = doc.tokens[tokenEnd - 1]!;
  const span: Span<V> = {
    label,
    start: first.start,
    end: last.end,
    tokenStart,
    tokenEnd,
    sentence: first.sentence,
    value,
  };
  doc.spans.push(span);
  return span;
}
