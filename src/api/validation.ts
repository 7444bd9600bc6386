/** Input checks for the API: query parameters, path ids, request bodies. Every refusal is an HttpError. */
import { InputError } from '../ingest/charset.js';
import { validateArticle } from '../ingest/read-articles.js';
import type { ArticleInput } from '../model/event.js';
import { FILTER_KEYS, parseEventFilter } from '../store/filter.js';
import { StoreInputError } from '../store/ids.js';
import type { EventFilter } from '../store/types.js';
import { HttpError, type Request } from './http.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Largest request body (bytes). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Most articles in one POST /api/articles. */
export const MAX_POST_ARTICLES = 100;

/** The query parameters as single strings; a parameter given twice or not in `allowed` is refused. */
export function queryParams(url: URL, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (!allowed.includes(k)) throw new HttpError(400, `unknown parameter "${k}" (${allowed.join(', ')})`);
    if (k in out) throw new HttpError(400, `parameter "${k}" given more than once`);
    out[k] = v;
  }
  return out;
}

function badRequest(e: unknown): never {
  if (e instanceof StoreInputError || e instanceof InputError) throw new HttpError(400, e.message);
  throw e;
}

/** The ACLED-style event filter from a query string (limit: default 100, at most 1000). */
export function eventFilterFrom(url: URL, defaultLimit: number | undefined = DEFAULT_LIMIT): EventFilter {
  const params = queryParams(url, FILTER_KEYS);
  let f: EventFilter;
  try {
    f = parseEventFilter(params, MAX_LIMIT);
  } catch (e) {
    badRequest(e);
  }
  if (f.limit === undefined && defaultLimit !== undefined) f.limit = defaultLimit;
  return f;
}

/** Parameters of GET /api/articles. */
export function articleListFrom(url: URL): { q?: string; limit: number; cursor?: string } {
  const p = queryParams(url, ['q', 'limit', 'cursor']);
  const out: { q?: string; limit: number; cursor?: string } = { limit: DEFAULT_LIMIT };
  if (p.limit !== undefined && p.limit !== '') {
    const n = Number(p.limit);
    if (!/^\d+$/.test(p.limit) || n < 1 || n > MAX_LIMIT)
      throw new HttpError(400, `limit: 1 to ${MAX_LIMIT}`);
    out.limit = n;
  }
  if (p.q?.trim()) {
    if (p.q.length > 500) throw new HttpError(400, 'q: at most 500 characters');
    out.q = p.q.trim();
  }
  if (p.cursor) {
    if (p.cursor.length > 200) throw new HttpError(400, 'invalid cursor');
    out.cursor = p.cursor;
  }
  return out;
}

/** An article id from the path: a positive whole number. */
export function articleId(s: string): number {
  if (!/^[1-9]\d{0,14}$/.test(s)) throw new HttpError(400, 'article id: a positive whole number');
  return Number(s);
}

/** An event id from the path: MRS followed by digits. */
export function checkEventId(s: string): string {
  if (!/^MRS\d{1,15}$/i.test(s)) throw new HttpError(400, 'event id: MRS followed by digits (e.g. MRS12)');
  return s.toUpperCase();
}

/**
 * Reads a JSON request body: application/json only (415), at most `limit` bytes (413), valid
 * JSON (400). An oversized body is drained, not stored, so the client still gets its answer.
 */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(415, 'Content-Type must be application/json');
  }
  const declared = Number(req.headers['content-length']);
  const tooLarge = () =>
    new HttpError(413, `request body too large (limit ${limit} bytes)`, { Connection: 'close' });
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) over = true;
    if (!over) chunks.push(buf);
  }
  if (over) throw tooLarge();
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new HttpError(400, 'empty request body (expected JSON)');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `invalid JSON: ${(e as Error).message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const EXTRACT_KEYS = ['text', 'title', 'published', 'lang', 'id', 'url', 'source'];
const ARTICLE_KEYS = ['id', 'text', 'title', 'published', 'lang', 'url', 'source'];

function article(value: unknown, where: string, keys: readonly string[]): ArticleInput {
  if (!isObject(value)) throw new HttpError(400, `${where}: expected a JSON object`);
  for (const k of Object.keys(value))
    if (!keys.includes(k)) throw new HttpError(400, `${where}: unknown field "${k}" (${keys.join(', ')})`);
  let a: ArticleInput;
  try {
    a = validateArticle(value);
  } catch (e) {
    if (e instanceof InputError) throw new HttpError(400, `${where}: ${e.message}`);
    throw e;
  }
  if (!a.text.trim()) throw new HttpError(400, `${where}: "text" is empty`);
  return a;
}

/** The body of POST /api/extract. */
export function extractBody(value: unknown): ArticleInput {
  const a = article(value, 'body', EXTRACT_KEYS);
  if (!a.id) a.id = 'api';
  return a;
}

/** The body of POST /api/articles: one article, or `{"articles": [...]}`. */
export function articlesBody(value: unknown): ArticleInput[] {
  if (isObject(value) && 'articles' in value) {
    const keys = Object.keys(value).filter((k) => k !== 'articles');
    if (keys.length) throw new HttpError(400, `unknown field "${keys[0]}" next to "articles"`);
    const list = value.articles;
    if (!Array.isArray(list) || !list.length)
      throw new HttpError(400, '"articles" must be a non-empty array of article objects');
    if (list.length > MAX_POST_ARTICLES)
      throw new HttpError(400, `at most ${MAX_POST_ARTICLES} articles per request (got ${list.length})`);
    return list.map((a, i) => article(a, `articles[${i}]`, ARTICLE_KEYS));
  }
  return [article(value, 'body', ARTICLE_KEYS)];
}
