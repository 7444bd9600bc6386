/**
 * An HTML page to an article: the main text by Mozilla's Readability over a linkedom DOM, and
 * the title, date, language and canonical URL from the page's metadata. Text only: markup and
 * scripts never reach the store as HTML.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detectLang } from '../text/lang.js';

export interface PageArticle {
  title?: string;
  text: string;
  /** YYYY-MM-DD when the page states it. */
  published?: string;
  lang: 'ar' | 'en';
  canonicalUrl?: string;
  siteName?: string;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'BR',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'PRE',
  'FIGCAPTION',
  'TABLE',
  'UL',
  'OL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with a line break after each block element. */
function blockText(node: DomNode): string {
  const out: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      out.push((n.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (BLOCK.has(name)) out.push('\n');
  };
  walk(node);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** Plain text of an HTML fragment (for feed item bodies). */
export function htmlFragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as DomNode);
}

const DATE_IN = /(\d{4})-(\d{2})-(\d{2})/;

/** YYYY-MM-DD from an ISO date, an RFC 822 date ("Tue, 10 Jun 2025 ...") or null. */
export function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const s = value.trim();
  const m = DATE_IN.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(s);
  if (!Number.isNaN(t)) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    if (y >= 1990 && y <= 2100) return d.toISOString().slice(0, 10);
  }
  return undefined;
}

interface QueryDoc {
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
}

function meta(doc: QueryDoc, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
    if (v?.trim()) return v.trim();
  }
  return undefined;
}

function jsonLdDate(doc: {
  querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }>;
}): string | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(scripts[i]!.textContent ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Extracts the article from a page; throws when the page holds no readable text. */
export function htmlToArticle(html: string, pageUrl?: string): PageArticle {
  const { document } = parseHTML(html);
  const doc = document as unknown as QueryDoc & {
    querySelectorAll(sel: string): ArrayLike<{ textContent: string | null }>;
    documentElement: { getAttribute(n: string): string | null } | null;
    title: string;
    body: unknown;
  };
  const published = isoDay(
    meta(
      doc,
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'time[datetime]',
    ) ?? jsonLdDate(doc),
  );
  let canonical = meta(doc, 'link[rel="canonical"]', 'meta[property="og:url"]');
  if (canonical && pageUrl) {
    try {
      canonical = new URL(canonical, pageUrl).href;
    } catch {
      canonical = undefined;
    }
  }
  const metaTitle = meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]');
  const siteName = meta(doc, 'meta[property="og:site_name"]');
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? '';
  const pageTitle = doc.title?.replace(/\s+/g, ' ').trim() || undefined;
  // The headline, when the <title> is the headline plus the site's name ("Headline | Site").
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const headline = h1 && h1.length >= 8 && pageTitle?.includes(h1) ? h1 : undefined;

  // Readability changes the DOM it reads: run it last.
  let text = '';
  let title = metaTitle ?? headline;
  try {
    const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (parsed?.content) text = htmlFragmentText(parsed.content);
    if (!title && parsed?.title) title = parsed.title.trim() || undefined;
  } catch {
    // Fall back to the whole body below.
  }
  title ??= pageTitle;
  if (text.trim().length < 80) {
    const { document: again } = parseHTML(html);
    text = blockText(again.body as unknown as DomNode);
  }
  if (!text.trim()) throw new Error('no readable text in the page');
  const lang = /^ar\b/i.test(htmlLang)
    ? 'ar'
    : /^en\b/i.test(htmlLang)
      ? 'en'
      : detectLang(`${title ?? ''}\n${text}`);
  const out: PageArticle = { text, lang };
  if (title) out.title = title;
  if (published) out.published = published;
  if (canonical) out.canonicalUrl = canonical;
  if (siteName) out.siteName = siteName;
  return out;
}
