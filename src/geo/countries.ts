/** Country lookups: name (English ACLED spelling or Arabic) ↔ ISO2 ↔ ISO 3166-1 numeric. */
import type { Country, Gazetteer } from './gazetteer.js';
import { arabicParts, isArabicName, latinKey } from './names.js';

export interface CountryInfo {
  country: string;
  country_ar: string;
  iso2: string;
  iso: number;
  latitude: number;
  longitude: number;
}

function info(c: Country): CountryInfo {
  return {
    country: c.name,
    country_ar: c.name_ar,
    iso2: c.iso2,
    iso: c.iso,
    latitude: c.lat,
    longitude: c.lon,
  };
}

export function countryByIso2(gaz: Gazetteer, iso2: string): CountryInfo | null {
  const c = gaz.byIso2.get(iso2.toUpperCase());
  return c ? info(c) : null;
}

export function countryByIso(gaz: Gazetteer, iso: number): CountryInfo | null {
  const c = gaz.countries.find((x) => x.iso === iso);
  return c ? info(c) : null;
}

/** By any English or Arabic name ("Syria", "Syrian Arab Republic", "سوريا", "السعودية"). */
export function countryByName(gaz: Gazetteer, name: string): CountryInfo | null {
  const s = name.trim();
  if (!s) return null;
  const key = isArabicName(s) ? arabicParts(s).join(' ') : latinKey(s);
  const c = gaz.countryByKey.get(key) ?? (s.length === 2 ? gaz.byIso2.get(s.toUpperCase()) : undefined);
  return c ? info(c) : null;
}
