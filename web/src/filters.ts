/**
 * The dashboard's filters live in the address (`#/?country=Syria&event_type=Battles`), so a
 * filtered view can be bookmarked and shared. Only the API's own filter names are kept.
 */
import { FILTER_KEYS } from '../../src/store/filter.js';

/** The API's filters the dashboard offers (all but sub-event type, bbox and paging). */
export type FilterName = Exclude<
  (typeof FILTER_KEYS)[number],
  'sub_event_type' | 'bbox' | 'limit' | 'cursor'
>;
const NOT_OFFERED = new Set<string>(['sub_event_type', 'bbox', 'limit', 'cursor']);
export const FILTER_NAMES = FILTER_KEYS.filter((k): k is FilterName => !NOT_OFFERED.has(k));
export type Filters = Partial<Record<FilterName, string>>;

export function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_NAMES) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

export function toQuery(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of FILTER_NAMES) if (f[k]) q.set(k, f[k]!);
  return q;
}

/** The route in the address: `#/path?query`. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [p, q = ''] = raw.split('?', 2) as [string, string?];
  const path = p
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path, params: new URLSearchParams(q) };
}

export function eventsHash(f: Filters): string {
  const q = toQuery(f).toString();
  return q ? `#/?${q}` : '#/';
}
