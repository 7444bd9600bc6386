/** Public API of the gazetteer and geocoding subsystem. */
export { type CountryInfo, countryByIso, countryByIso2, countryByName } from './countries.js';
export type { CountryRecord, EntryRecord, GazetteerData } from './data.js';
export { distanceKm } from './distance.js';
export { createGazetteer, type Gazetteer, type Place } from './gazetteer.js';
export { type GeocodeMatch, type GeocodeResult, geocode } from './geocode.js';
export { gazetteerFile, loadGazetteer, loadGazetteerData } from './load.js';
export { type GeoCandidate, type PlaceMention, recognizePlaces } from './recognize.js';
export {
  articleContext,
  capitalLocation,
  documentCountry,
  embeddedLocation,
  fallbackLocation,
  type ResolvedLocation,
  type ResolveOptions,
  resolvePlaces,
} from './resolve.js';
