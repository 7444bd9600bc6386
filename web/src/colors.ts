/** One colour per ACLED event type, used by the map, the timeline and the table alike. */
import { EVENT_TYPES, type EventType } from '../../src/model/taxonomy.js';

export { EVENT_TYPES };

const COLORS: Record<EventType, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2e86c1',
  Riots: '#16a085',
  'Strategic developments': '#7f8c8d',
};

export function typeColor(type: string): string {
  return COLORS[type as EventType] ?? '#555555';
}

/** A stable class-name suffix for a type ("explosions-remote-violence"). */
export function typeSlug(type: string): string {
  return type
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}
