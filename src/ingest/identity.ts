/** What makes two articles the same: their canonical URL, or their normalised content. */
import { createHash } from 'node:crypto';
import { normalize } from '../text/normalize.js';

const TRACKING =
  /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|__twitter_impression|at_medium|at_campaign)$/i;

/** The URL without fragment, tracking parameters, default port or trailing slash; host lower-cased. */
export function canonicalUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  let href = url.href;
  if (url.pathname.length > 1 && href.endsWith('/') && !url.search) href = href.slice(0, -1);
  return href;
}

/** sha256 of the text normalised for matching, with whitespace collapsed (title included). */
export function contentHash(text: string, title?: string): string {
  const norm = normalize(`${title ?? ''}\n${text}`)
    .replace(/\s+/gu, ' ')
    .trim();
  return createHash('sha256').update(norm).digest('hex');
}
