/** Great-circle distance. */

const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function isCoord(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Distance between two points given as possibly-missing coordinates; null when either point is incomplete. */
export function distanceKm(
  a: { latitude?: unknown; longitude?: unknown },
  b: { latitude?: unknown; longitude?: unknown },
): number | null {
  if (!isCoord(a.latitude) || !isCoord(a.longitude) || !isCoord(b.latitude) || !isCoord(b.longitude))
    return null;
  return haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
}
