import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArticleInput } from '../model/event.js';
import { decodeText, InputError } from './charset.js';

/** Largest single text article accepted (bytes). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** Largest JSONL line accepted (characters). */
export const MAX_LINE_CHARS = 10 * 1024 * 1024;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Validates a publication date (YYYY-MM-DD or ISO timestamp); returns the YYYY-MM-DD part. */
export function parsePublished(value: string): string {
  const m = DATE_RE.exec(value.trim());
  if (!m) throw new InputError(`invalid date "${value}": expected YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    throw new InputError(`invalid date "${value}": no such day`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Checks one parsed JSON value as an article; throws InputError with the reason. */
export function validateArticle(value: unknown): ArticleInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('not a JSON object');
  }
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new InputError('missing "text" (a string)');
  if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number') {
    throw new InputError('"id" must be a string');
  }
  for (const k of ['title', 'url', 'source'] as const) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string')
      throw new InputError(`"${k}" must be a string`);
  }
  if (o.lang !== undefined && o.lang !== null && o.lang !== 'ar' && o.lang !== 'en') {
    throw new InputError('"lang" must be "ar" or "en"');
  }
  const article: ArticleInput = { id: o.id === undefined ? '' : String(o.id), text: o.text };
  if (typeof o.title === 'string') article.title = o.title;
  if (typeof o.url === 'string') article.url = o.url;
  if (typeof o.source === 'string') article.source = o.source;
  if (o.lang === 'ar' || o.lang === 'en') article.lang = o.lang;
  if (typeof o.published === 'string' && o.published.trim()) article.published = parsePublished(o.published);
  else if (o.published !== undefined && o.published !== null && o.published !== '') {
    throw new InputError('"published" must be a date string');
  }
  return article;
}

/** One item read from an input: an article, or an error tied to a line of the input. */
export type InputItem =
  | { ok: true; line: number; article: ArticleInput }
  | { ok: false; line: number; error: string };

/**
 * Splits a text stream into lines without ever holding more than `max` characters of one line:
 * an overlong line is yielded as its length only (so a 1 GB line costs no memory).
 */
export async function* boundedLines(
  stream: AsyncIterable<string | Buffer>,
  max: number,
): AsyncGenerator<{ text: string | null; length: number }> {
  let parts: string[] = [];
  let length = 0;
  const end = () => {
    const out = { text: length > max ? null : parts.join(''), length };
    parts = [];
    length = 0;
    return out;
  };
  for await (const chunk of stream) {
    const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let from = 0;
    for (;;) {
      const nl = s.indexOf('\n', from);
      const piece = nl < 0 ? s.slice(from) : s.slice(from, nl);
      length += piece.length;
      if (length <= max) parts.push(piece);
      else parts = [];
      if (nl < 0) break;
      yield end();
      from = nl + 1;
    }
  }
  if (length > 0) yield end();
}

/** Reads a JSONL stream line by line (constant memory), yielding articles or per-line errors. */
export async function* readJsonl(stream: Readable): AsyncGenerator<InputItem> {
  let line = 0;
  for await (const raw of boundedLines(stream, MAX_LINE_CHARS)) {
    line++;
    if (raw.text === null) {
      yield { ok: false, line, error: `line too long (${raw.length} characters; limit ${MAX_LINE_CHARS})` };
      continue;
    }
    const s = raw.text.trim();
    if (!s) continue;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch (e) {
      yield { ok: false, line, error: `invalid JSON (${(e as Error).message})` };
      continue;
    }
    try {
      const article = validateArticle(value);
      if (!article.id) article.id = `line-${line}`;
      yield { ok: true, line, article };
    } catch (e) {
      yield { ok: false, line, error: (e as Error).message };
    }
  }
}

/** Reads a plain-text article from bytes: decodes the charset and refuses empty or binary input. */
export function textArticle(bytes: Uint8Array, id: string, published?: string): ArticleInput {
  if (bytes.length > MAX_TEXT_BYTES)
    throw new InputError(`file too large (${bytes.length} bytes; limit ${MAX_TEXT_BYTES})`);
  const text = decodeText(bytes);
  if (!text.trim()) throw new InputError('empty text');
  const article: ArticleInput = { id, text };
  if (published) article.published = published;
  return article;
}

/** Reads a .txt file as one article (id = file name without extension). */
export async function readTextFile(path: string, published?: string): Promise<ArticleInput> {
  const st = await stat(path);
  if (!st.isFile()) throw new InputError('not a regular file');
  if (st.size > MAX_TEXT_BYTES)
    throw new InputError(`file too large (${st.size} bytes; limit ${MAX_TEXT_BYTES})`);
  const fh = await open(path, 'r');
  try {
    const bytes = await fh.readFile();
    return textArticle(bytes, basename(path, extname(path)), published);
  } finally {
    await fh.close();
  }
}

/** Whether a path names a JSONL file. */
export function isJsonlPath(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

export function jsonlFileStream(path: string): Readable {
  return createReadStream(path, { encoding: 'utf8' });
}
