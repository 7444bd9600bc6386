/** The in-memory gazetteer: records plus the name indexes used by recognition and geocoding. */
import type { CountryRecord, EntryRecord, GazetteerData } from './data.js';
import {
  arabicParts,
  arabicWordKey,
  isArabicName,
  latinKey,
  latinParts,
  looseSkeleton,
  skeletonOfParts,
} from './names.js';

export interface Country extends CountryRecord {}

/** A gazetteer entry; countries are entries too (level 'country'). */
export interface Place extends EntryRecord {
  id: number;
}

/** A news outlet's home: country, scope and (optionally) the admin1 it mostly reports from. */
export interface SourceHome {
  iso2: string;
  scope: 'domestic' | 'national';
  region?: string;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  ids: number[];
}

export interface Gazetteer {
  countries: Country[];
  places: Place[];
  byIso2: Map<string, Country>;
  /** Country by name key (Latin key, Arabic key) or lowercase ISO2/ISO3-like code. */
  countryByKey: Map<string, Country>;
  /** Adjective/demonym key → ISO2 (context only). */
  adjectiveKey: Map<string, string>;
  /** Token tries: Arabic word keys and Latin name parts. */
  arTrie: TrieNode;
  enTrie: TrieNode;
  /** Whole-name key (latinKey/arabicKey) → entry ids. */
  keyIndex: Map<string, number[]>;
  /** Latin consonant skeleton → entry ids (transliteration fallback). */
  skeletonIndex: Map<string, number[]>;
  /** Looser skeleton (g/k/q/j one class, leading article l- dropped) → entry ids. */
  looseIndex: Map<string, number[]>;
  /** News outlet name key → home country and scope. */
  sourceCountry: Map<string, SourceHome>;
  /** admin1 entry by `${iso2}|${latinKey(name)}`. */
  admin1ByName: Map<string, Place>;
  /** Whole-name key without spaces → entry ids ("معرتمصرين" = "معرة مصرين"). */
  compactIndex: Map<string, number[]>;
  /** The seat town of each admin1, by `${iso2}|${admin1}`. */
  seats: Map<string, Place>;
  /** admin1 entry by `${iso2}|${admin1 name}`. */
  admin1Entry: Map<string, Place>;
  stopAr: Set<string>;
  stopEn: Set<string>;
}

function trieNode(): TrieNode {
  return { next: new Map(), ids: [] };
}

/**
 * Index builders. Entries are added in id order (all names of one entry together), so an id
 * already in a list can only be its last one: that is the duplicate check.
 */
function trieAdd(root: TrieNode, keys: string[], id: number): void {
  if (!keys.length) return;
  let n = root;
  for (const k of keys) {
    let c = n.next.get(k);
    if (!c) {
      c = trieNode();
      n.next.set(k, c);
    }
    n = c;
  }
  if (n.ids[n.ids.length - 1] !== id) n.ids.push(id);
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  if (!key) return;
  const l = map.get(key);
  if (!l) map.set(key, [id]);
  else if (l[l.length - 1] !== id) l.push(id);
}

export function createGazetteer(data: GazetteerData): Gazetteer {
  const gaz: Gazetteer = {
    countries: data.countries,
    places: [],
    byIso2: new Map(),
    countryByKey: new Map(),
    adjectiveKey: new Map(),
    arTrie: trieNode(),
    enTrie: trieNode(),
    keyIndex: new Map(),
    skeletonIndex: new Map(),
    looseIndex: new Map(),
    sourceCountry: new Map(),
    admin1ByName: new Map(),
    compactIndex: new Map(),
    seats: new Map(),
    admin1Entry: new Map(),
    stopAr: new Set(data.stop.ar.map((s) => arabicParts(s).join(' '))),
    stopEn: new Set(data.stop.en.map((s) => latinKey(s))),
  };
  const addNames = (p: Place) => {
    for (const n of p.names) {
      if (isArabicName(n)) {
        const parts = arabicParts(n);
        trieAdd(gaz.arTrie, parts, p.id);
        push(gaz.keyIndex, parts.join(' '), p.id);
        push(gaz.compactIndex, parts.join(''), p.id);
      } else {
        const parts = latinParts(n);
        trieAdd(gaz.enTrie, parts, p.id);
        push(gaz.keyIndex, parts.join(' '), p.id);
        push(gaz.compactIndex, parts.join(''), p.id);
        const sk = skeletonOfParts(parts);
        push(gaz.skeletonIndex, sk, p.id);
        for (const l of looseSkeleton(sk)) push(gaz.looseIndex, l, p.id);
      }
    }
  };
  for (const c of data.countries) {
    gaz.byIso2.set(c.iso2, c);
    gaz.countryByKey.set(c.iso2.toLowerCase(), c);
    for (const n of c.names) {
      const k = isArabicName(n) ? arabicParts(n).join(' ') : latinKey(n);
      if (!gaz.countryByKey.has(k)) gaz.countryByKey.set(k, c);
    }
    for (const a of c.adjectives) {
      const k = isArabicName(a) ? arabicParts(a).join(' ') : latinKey(a);
      gaz.adjectiveKey.set(k, c.iso2);
    }
    const p: Place = {
      id: gaz.places.length,
      level: 'country',
      kind: 'country',
      name: c.name,
      name_ar: c.name_ar,
      iso2: c.iso2,
      admin1: '',
      admin2: '',
      lat: c.lat,
      lon: c.lon,
      pop: 0,
      authored: true,
      names: c.names,
    };
    gaz.places.push(p);
    addNames(p);
  }
  for (const e of data.entries) {
    const p: Place = { ...e, id: gaz.places.length };
    gaz.places.push(p);
    addNames(p);
    if (p.seatOf && !gaz.seats.has(`${p.iso2}|${p.seatOf}`)) gaz.seats.set(`${p.iso2}|${p.seatOf}`, p);
    if (p.level === 'admin1') {
      gaz.admin1Entry.set(`${p.iso2}|${p.name}`, p);
      for (const n of p.names) {
        if (!isArabicName(n)) gaz.admin1ByName.set(`${p.iso2}|${latinKey(n)}`, p);
      }
    }
  }
  for (const src of data.sources ?? []) {
    for (const n of src.names) {
      const k = latinKey(n);
      if (k && !gaz.sourceCountry.has(k))
        gaz.sourceCountry.set(k, {
          iso2: src.iso2,
          scope: src.scope,
          ...(src.region ? { region: src.region } : {}),
        });
    }
  }
  return gaz;
}

/** Home countries of the outlets named in a `source` field ("Libya Herald; Agence France Presse"). */
export function sourceCountries(gaz: Gazetteer, source: string | undefined): SourceHome[] {
  if (!source) return [];
  const out: SourceHome[] = [];
  for (const part of source.split(/[;,|/]/)) {
    const hit = gaz.sourceCountry.get(latinKey(part.trim()));
    if (hit) out.push(hit);
  }
  return out;
}

/** Keys of a doc word for the Arabic trie: its clitic readings with the article dropped. */
export function arabicTokenKeys(forms: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of forms) {
    const k = arabicWordKey(f);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}
