/** The event model and the `extract` contract (../shared/spec/event-model.md). */
import type { DisorderType, EventType } from './taxonomy.js';

export interface ArticleInput {
  id: string;
  text: string;
  title?: string;
  /** YYYY-MM-DD or an ISO timestamp. */
  published?: string;
  url?: string;
  source?: string;
  lang?: 'ar' | 'en';
}

export interface Evidence {
  field: string;
  start: number;
  end: number;
  text: string;
  part: 'text' | 'title';
}

export interface Event {
  event_date: string;
  time_precision: 1 | 2 | 3;
  disorder_type: DisorderType;
  event_type: EventType;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  assoc_actor_1: string;
  assoc_actor_2: string;
  inter1: number;
  inter2: number;
  interaction: number;
  civilian_targeting: string;
  country: string;
  iso: number;
  admin1: string;
  admin2: string;
  admin3: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  geo_precision: 1 | 2 | 3;
  fatalities: number;
  notes: string;
  confidence: number;
  evidence: Evidence[];
  // Extra fields (allowed by the contract).
  fatalities_low?: number;
  fatalities_high?: number;
  wounded?: number;
  arrested?: number;
  location_ar?: string;
  actor1_ar?: string;
  actor2_ar?: string;
}

export interface ArticleOutput {
  id: string;
  lang: 'ar' | 'en';
  events: Event[];
}
