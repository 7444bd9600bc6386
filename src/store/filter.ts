/** ACLED-style event filters from strings (CLI flags, query parameters), validated. */
import { EVENT_TYPES } from '../model/taxonomy.js';
import { StoreInputError } from './ids.js';
import type { EventFilter } from './types.js';

export const FILTER_KEYS = [
  'country',
  'admin1',
  'event_type',
  'sub_event_type',
  'actor',
  'date_from',
  'date_to',
  'bbox',
  'q',
  'min_fatalities',
  'limit',
  'cursor',
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(name: string, v: string, max = 200): string {
  if (v.length > max) throw new StoreInputError(`${name}: at most ${max} characters`);
  return v.trim();
}

/** Builds a filter; throws StoreInputError naming the bad parameter. */
export function parseEventFilter(params: Record<string, string | undefined>, maxLimit = 1000): EventFilter {
  const f: EventFilter = {};
  for (const key of Object.keys(params)) {
    if (params[key] !== undefined && !(FILTER_KEYS as readonly string[]).includes(key))
      throw new StoreInputError(`unknown filter "${key}" (${FILTER_KEYS.join(', ')})`);
  }
  const p = (k: (typeof FILTER_KEYS)[number]) => {
    const v = params[k];
    return v === undefined || v === '' ? undefined : v;
  };
  const country = p('country');
  if (country) f.country = text('country', country);
  const admin1 = p('admin1');
  if (admin1) f.admin1 = text('admin1', admin1);
  const type = p('event_type');
  if (type) {
    const t = EVENT_TYPES.find((x) => x.toLowerCase() === type.toLowerCase());
    if (!t) throw new StoreInputError(`event_type: one of ${EVENT_TYPES.join(', ')}`);
    f.eventType = t;
  }
  const sub = p('sub_event_type');
  if (sub) f.subEventType = text('sub_event_type', sub);
  const actor = p('actor');
  if (actor) f.actor = text('actor', actor);
  for (const [k, out] of [
    ['date_from', 'dateFrom'],
    ['date_to', 'dateTo'],
  ] as const) {
    const v = p(k);
    if (v === undefined) continue;
    if (!DAY.test(v) || Number.isNaN(Date.parse(v))) throw new StoreInputError(`${k}: a date YYYY-MM-DD`);
    f[out] = v;
  }
  const bbox = p('bbox');
  if (bbox) {
    const n = bbox.split(',').map(Number);
    const [w, s, e, nn] = n as [number, number, number, number];
    if (
      n.length !== 4 ||
      n.some((x) => !Number.isFinite(x)) ||
      w < -180 ||
      e > 180 ||
      s < -90 ||
      nn > 90 ||
      w > e ||
      s > nn
    )
      throw new StoreInputError('bbox: west,south,east,north in degrees');
    f.bbox = [w, s, e, nn];
  }
  const q = p('q');
  if (q) f.q = text('q', q, 500);
  const minF = p('min_fatalities');
  if (minF !== undefined) {
    const n = Number(minF);
    if (!Number.isInteger(n) || n < 0) throw new StoreInputError('min_fatalities: a whole number ≥ 0');
    f.minFatalities = n;
  }
  const limit = p('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > maxLimit) throw new StoreInputError(`limit: 1 to ${maxLimit}`);
    f.limit = n;
  }
  const cursor = p('cursor');
  if (cursor) f.cursor = text('cursor', cursor);
  return f;
}
