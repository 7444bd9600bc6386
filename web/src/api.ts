/** Calls to Marsad's HTTP API (same origin). Errors carry the API's own message. */
import type { EvidenceSpan } from './highlight';

export interface EventValues {
  event_date: string;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  assoc_actor_1: string;
  assoc_actor_2: string;
  country: string;
  admin1: string;
  admin2: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number;
  notes: string;
  confidence: number;
  civilian_targeting: string;
  interaction: number;
  location_ar?: string;
  actor1_ar?: string;
  actor2_ar?: string;
  [k: string]: unknown;
}

export interface ApiEvent extends EventValues {
  event_id: string;
  sources: string[];
  report_count: number;
}

export interface EventDetail extends ApiEvent {
  article_ids: number[];
  reports: {
    id: number;
    index: number;
    article: {
      id: number;
      title: string | null;
      url: string | null;
      source: string | null;
      published: string | null;
      lang: string;
    };
    values: EventValues;
    evidence: EvidenceSpan[];
    merge_reason: string | null;
  }[];
}

export interface ArticleDetail {
  id: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  lang: string;
  text: string;
  events: {
    event_id: string;
    index: number;
    values: EventValues;
    evidence: EvidenceSpan[];
    merge_reason: string | null;
  }[];
}

export type Point = [string, number, number, string, number, string, string];

export interface Summary {
  count: number;
  scanned: number;
  truncated: boolean;
  fatalities: number;
  points: Point[];
  daily: { date: string; event_type: string; events: number; fatalities: number }[];
  countries: Record<string, number>;
  admin1: Record<string, number>;
  event_types: Record<string, number>;
}

export interface EventPage {
  count: number;
  events: ApiEvent[];
  next: string | null;
}

export interface Config {
  tiles: string | null;
  store: string;
  writes: boolean;
}

export class ApiError extends Error {}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`${res.status} ${res.statusText}`);
  }
  if (!res.ok) throw new ApiError((body as { error?: string }).error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export const api = {
  config: () => call<Config>('/api/config'),
  summary: (query: URLSearchParams) => call<Summary>(`/api/summary?${query}`),
  events: (query: URLSearchParams) => call<EventPage>(`/api/events?${query}`),
  event: (id: string) => call<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  article: (id: string) => call<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`),
  extract: (article: { text: string; title?: string; published?: string }) =>
    call<{ lang: string; events: (EventValues & { evidence: EvidenceSpan[] })[] }>('/api/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(article),
    }),
};
