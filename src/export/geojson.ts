import type { Event } from '../model/event.js';

/** A GeoJSON Feature (Point) for an event with coordinates, or null when it has none. */
export function eventFeature(event: Event, props: Record<string, unknown> = {}): object | null {
  if (typeof event.latitude !== 'number' || typeof event.longitude !== 'number') return null;
  const { evidence: _evidence, latitude, longitude, ...rest } = event;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { ...props, ...rest, latitude, longitude },
  };
}
