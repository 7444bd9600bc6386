/** One colour per ACLED event type, used by the map, the timeline and the table alike. */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

const COLORS: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2e86c1',
  Riots: '#16a085',
  'Strategic developments': '#7f8c8d',
};

export function typeColor(type: string): string {
  return COLORS[type] ?? '#555555';
}

/** A stable class-name suffix for a type ("explosions-remote-violence"). */
export function typeSlug(type: string): string {
  return type
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}
