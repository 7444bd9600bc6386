/** The generated gazetteer file format (dist/gazetteer.json), written by build.ts. */

export type Level = 'country' | 'admin1' | 'admin2' | 'place';

/** Kinds of authored places; GeoNames populated places are 'town'. */
export type PlaceKind =
  | 'country'
  | 'admin1'
  | 'district'
  | 'town'
  | 'neighbourhood'
  | 'camp'
  | 'crossing'
  | 'prison'
  | 'airport'
  | 'base'
  | 'area'
  | 'field';

export interface CountryRecord {
  iso2: string;
  /** ISO 3166-1 numeric. */
  iso: number;
  /** ACLED spelling. */
  name: string;
  name_ar: string;
  /** All names, both scripts, including `name` and `name_ar`. */
  names: string[];
  /** Demonyms/adjectives (context only, never a place mention). */
  adjectives: string[];
  lat: number;
  lon: number;
  /** Whether towns of this country are in the gazetteer. */
  inRegion: boolean;
}

export interface EntryRecord {
  level: Level;
  kind: PlaceKind;
  name: string;
  name_ar: string;
  iso2: string;
  admin1: string;
  admin2: string;
  /** Pre-2019 ACLED (Africa) admin1 name, when it differs. */
  legacy1?: string;
  lat: number;
  lon: number;
  pop: number;
  /** GeoNames feature code for GeoNames rows (PPL, PPLA, PPLC...). */
  fcode?: string;
  /** Authored by us (resources/places) rather than only from GeoNames. */
  authored?: boolean;
  /** For a town: the admin1 whose seat it is. */
  seatOf?: string;
  names: string[];
}

export interface GazetteerData {
  version: 1;
  countries: CountryRecord[];
  entries: EntryRecord[];
  stop: { ar: string[]; en: string[] };
  /** News outlets with a home country (resources/places/sources.tsv): a weak country prior. */
  sources?: SourceRecord[];
}

export interface SourceRecord {
  /** Outlet names (the first is the display name). */
  names: string[];
  iso2: string;
  /** 'domestic': mostly covers its own country; 'national': much regional news too. */
  scope: 'domestic' | 'national';
  /**
   * The admin1 the outlet mostly reports from (an admin1 name, or a pre-2019 ACLED name such as
   * Sudan's "Darfur"): the place of an article that names none.
   */
  region?: string;
}
