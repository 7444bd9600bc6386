/**
 * What `marsad ingest` reads: files (.txt, .html, .jsonl, .csv), folders (recursively), article
 * URLs and RSS/Atom feeds, turned into one stream of articles (or errors tied to where they
 * came from). Nothing here touches the store.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ArticleInput } from '../model/event.js';
import { decodeBody, InputError } from './charset.js';
import { readCsv } from './csv.js';
import { parseFeed } from './feed.js';
import { FEED_TYPES, type FetchOptions, HTML_TYPES, safeFetch } from './fetch.js';
import { htmlFragmentText, htmlToArticle } from './html.js';
import { canonicalUrl } from './identity.js';
import {
  type InputItem,
  isJsonlPath,
  jsonlFileStream,
  MAX_TEXT_BYTES,
  readJsonl,
  readTextFile,
} from './read-articles.js';

/** An article ready for extraction and storage. */
export interface Prepared {
  /** Where it came from (file, file:line, URL), for messages. */
  origin: string;
  article: ArticleInput;
  canonicalUrl?: string;
  feedId?: number;
}

export type SourceItem = { ok: true; item: Prepared } | { ok: false; origin: string; error: string };

export interface SourceOptions {
  /** Publication date for inputs that have none (YYYY-MM-DD). */
  published?: string;
  fetch?: FetchOptions;
  /** Called when more work becomes known (files counted, feed items found). */
  onTotal?: (more: number) => void;
  /** Awaited before each request (per-host politeness). */
  beforeFetch?: (url: string) => Promise<void>;
  /**
   * Whether an article with this canonical URL is already stored: a feed item that is, is
   * reported as a duplicate without fetching its page again.
   */
  known?: (canonical: string) => Promise<boolean>;
}

const FILE_EXT = /\.(txt|text|html?|xhtml|jsonl|ndjson|csv)$/i;

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/** Lines in a file (for progress totals), counted in a stream. */
async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  }
  return n || 1;
}

/** Files under a folder, recursively, sorted, hidden ones skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && FILE_EXT.test(e.name)) yield p;
  }
}

function fromInput(origin: string, a: ArticleInput, opts: SourceOptions): Prepared {
  const article = a.published || !opts.published ? a : { ...a, published: opts.published };
  const item: Prepared = { origin, article };
  const canon = canonicalUrl(a.url);
  if (canon) item.canonicalUrl = canon;
  return item;
}

async function* fromItems(
  origin: string,
  items: AsyncIterable<InputItem>,
  opts: SourceOptions,
): AsyncGenerator<SourceItem> {
  for await (const it of items) {
    const where = `${origin}:${it.line}`;
    if (it.ok) yield { ok: true, item: fromInput(where, it.article, opts) };
    else yield { ok: false, origin: where, error: it.error };
  }
}

async function readBytes(path: string): Promise<Buffer> {
  const st = await stat(path);
  if (st.size > MAX_TEXT_BYTES)
    throw new InputError(`file too large (${st.size} bytes; limit ${MAX_TEXT_BYTES})`);
  const fh = await open(path, 'r');
  try {
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/** One file: several articles for .jsonl/.csv, one for .txt/.html. */
async function* readFile(path: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  const ext = extname(path).toLowerCase();
  try {
    if (isJsonlPath(path)) {
      yield* fromItems(path, readJsonl(jsonlFileStream(path)), opts);
    } else if (ext === '.csv') {
      yield* fromItems(path, readCsv(path), opts);
    } else if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
      const html = decodeBody(await readBytes(path));
      const page = htmlToArticle(html);
      const article: ArticleInput = { id: basename(path, ext), text: page.text, lang: page.lang };
      if (page.title) article.title = page.title;
      if (page.published ?? opts.published) article.published = page.published ?? opts.published;
      if (page.siteName) article.source = page.siteName;
      if (page.canonicalUrl) article.url = page.canonicalUrl;
      yield { ok: true, item: fromInput(path, article, opts) };
    } else {
      yield { ok: true, item: fromInput(path, await readTextFile(path, opts.published), opts) };
    }
  } catch (e) {
    yield { ok: false, origin: path, error: (e as Error).message };
  }
}

function looksLikeFeed(contentType: string, body: string): boolean {
  if (/(rss|atom|rdf)\+xml/.test(contentType)) return true;
  const raw = body.slice(0, 4000).trimStart().toLowerCase();
  // The first element, past the XML declaration, processing instructions and comments.
  const head = raw.replace(/^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|\s+)*/, '');
  if (/^<(rss|feed|rdf:rdf)[\s>]/.test(head)) return true;
  // An XHTML page may start with an XML declaration too.
  if (/^<(!doctype html|html)[\s>]/.test(head)) return false;
  return /\/xml/.test(contentType) || raw.startsWith('<?xml');
}

function pageArticle(url: string, html: string, fallback: Partial<ArticleInput> = {}): Prepared {
  const page = htmlToArticle(html, url);
  const article: ArticleInput = { id: url, text: page.text, lang: page.lang, url };
  const title = page.title ?? fallback.title;
  if (title) article.title = title;
  const published = page.published ?? fallback.published;
  if (published) article.published = published;
  const source = fallback.source ?? page.siteName ?? new URL(url).hostname;
  article.source = source;
  const item: Prepared = { origin: url, article };
  const canon = canonicalUrl(page.canonicalUrl ?? url);
  if (canon) item.canonicalUrl = canon;
  return item;
}

/** The articles of a feed document: each item's page, or the item's own body when the page fails. */
export async function* feedArticles(
  feedUrl: string,
  xml: string,
  opts: SourceOptions & {
    feedId?: number;
    feedName?: string;
  },
): AsyncGenerator<SourceItem> {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml, feedUrl);
  } catch (e) {
    yield { ok: false, origin: feedUrl, error: (e as Error).message };
    return;
  }
  opts.onTotal?.(feed.items.length);
  const source = opts.feedName ?? feed.title;
  for (const it of feed.items) {
    const origin = it.link ?? `${feedUrl}#${it.guid ?? it.title ?? '?'}`;
    const canon = canonicalUrl(it.link);
    // Already stored: no need to fetch the page again.
    if (canon && opts.known && (await opts.known(canon))) {
      yield { ok: false, origin, error: 'duplicate' };
      continue;
    }
    const fallback: Partial<ArticleInput> = { title: it.title, published: it.published ?? opts.published };
    if (source) fallback.source = source;
    let item: Prepared | null = null;
    let why = '';
    if (it.link) {
      try {
        await opts.beforeFetch?.(it.link);
        const res = await safeFetch(it.link, { ...opts.fetch, accept: HTML_TYPES });
        item = pageArticle(res.url, decodeBody(res.body, res.contentType), fallback);
        if (canon) item.canonicalUrl ??= canon;
      } catch (e) {
        why = (e as Error).message;
      }
    }
    if (!item && it.html) {
      const text = htmlFragmentText(it.html);
      if (text.trim().length >= 40) {
        const article: ArticleInput = { id: it.link ?? it.guid ?? origin, text, ...fallback };
        if (it.link) article.url = it.link;
        item = { origin, article };
        if (canon) item.canonicalUrl = canon;
      }
    }
    if (!item) {
      yield { ok: false, origin, error: why || 'feed item without a link or a body' };
      continue;
    }
    if (opts.feedId !== undefined) item.feedId = opts.feedId;
    yield { ok: true, item };
  }
}

/** One URL: an article page, or a feed whose items are read in turn. */
async function* readUrl(url: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  let res: Awaited<ReturnType<typeof safeFetch>>;
  try {
    await opts.beforeFetch?.(url);
    res = await safeFetch(url, { ...opts.fetch, accept: [...HTML_TYPES, ...FEED_TYPES] });
  } catch (e) {
    yield { ok: false, origin: url, error: (e as Error).message };
    return;
  }
  let body: string;
  try {
    body = decodeBody(res.body, res.contentType);
  } catch (e) {
    yield { ok: false, origin: url, error: `${(e as Error).message} at ${url}` };
    return;
  }
  if (looksLikeFeed(res.contentType, body)) {
    yield* feedArticles(res.url, body, opts);
    return;
  }
  if (!HTML_TYPES.some((t) => res.contentType.startsWith(t)) && !/^\s*</.test(body)) {
    yield {
      ok: false,
      origin: url,
      error: `not an HTML page or a feed (${res.contentType || 'no content type'})`,
    };
    return;
  }
  try {
    yield { ok: true, item: pageArticle(res.url, body) };
  } catch (e) {
    yield { ok: false, origin: url, error: (e as Error).message };
  }
}

/** Everything `ingest` was given, in order. Totals are announced before the items. */
export async function* readTargets(
  targets: readonly string[],
  opts: SourceOptions = {},
): AsyncGenerator<SourceItem> {
  for (const t of targets) {
    if (isUrl(t)) {
      opts.onTotal?.(1);
      yield* readUrl(t, opts);
      continue;
    }
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(t);
    } catch {
      opts.onTotal?.(1);
      yield { ok: false, origin: t, error: 'no such file or folder' };
      continue;
    }
    const files: string[] = [];
    if (st.isDirectory()) for await (const f of walk(t)) files.push(f);
    else files.push(t);
    for (const f of files) {
      const many = isJsonlPath(f) || /\.csv$/i.test(f);
      opts.onTotal?.(many ? await countLines(f) : 1);
      yield* readFile(f, opts);
    }
  }
}
