/**
 * A state's forces named by a nationality adjective on a weapon, aircraft or attack noun:
 * «غارات إسرائيلية», «الطيران الحربي الإسرائيلي», «طائرة مسيرة تركية», «العدوان الأمريكي
 * البريطاني», "US and British warplanes", "Turkish drone". The adjective names the country whose
 * military acted; the actor lexicon names that military (`Military Forces of X (...)`). Works for
 * every country with a demonym in resources/places/countries.tsv and a state military row in
 * resources/actors/*.tsv. With several adjectives (coordinated), the first is the acting force and
 * the others are marked as its conjuncts (associated actors).
 */
import type { Gazetteer } from '../geo/index.js';
import type { ActorEntry, ActorLexicon, ActorMatch } from '../lexicon/actors.js';
import { COUNTRY_NAMES } from '../lexicon/actors-countries.js';
import { normalize } from '../text/normalize.js';
import type { Doc, Token } from '../text/types.js';

export interface NationalMatch extends ActorMatch {
  /** Matched from a nationality adjective (not a lexicon alias). */
  national?: boolean;
  /** A further nationality of the same noun («العدوان الأمريكي البريطاني»): the head's ally. */
  conjunct?: boolean;
}

/**
 * Weapon, aircraft and attack nouns (normalised, without the article). Force nouns (قوات، جيش,
 * troops) are left to the lexicon, which lists each state's forces with their local names.
 */
const AR_HEADS = new Set([
  'غاره',
  'غارات',
  'ضربه',
  'ضربات',
  'طايره',
  'طايرات',
  'طيران',
  'مسيره',
  'مسيرات',
  'مقاتله',
  'مقاتلات',
  'مروحيه',
  'مروحيات',
  'قاذفات',
  'عدوان',
  'اعتداء',
  'اعتداءات',
  'قصف',
  'هجوم',
  'هجمات',
  'صاروخ',
  'صواريخ',
  'قذيفه',
  'قذايف',
  'مدفعيه',
  'دبابه',
  'دبابات',
  'بارجه',
  'بوارج',
  'زورق',
  'زوارق',
  'سلاح',
]);
/** Words that may stand between the noun and the nationality (الطيران الحربي الإسرائيلي). */
const AR_MODIFIERS = new Set([
  'حربي',
  'حربيه',
  'جوي',
  'جويه',
  'جو',
  'مسير',
  'مسيره',
  'مسيرات',
  'مدفعي',
  'مدفعيه',
  'صاروخي',
  'صاروخيه',
  'بحري',
  'بحريه',
  'بري',
  'بريه',
  'عسكري',
  'عسكريه',
  'مقاتله',
  'مروحيه',
  'مفخخه',
  'انتحاريه',
  'بدون',
  'من',
  'دون',
  'طيار',
]);
/** Demonyms that are also common words (مالي "financial"): never read as a nationality. */
const AR_AMBIGUOUS = new Set(['مالي', 'ماليه', 'صحراوي', 'صحراويه']);

const EN_HEADS = new Set([
  'warplane',
  'warplanes',
  'jet',
  'jets',
  'aircraft',
  'planes',
  'bombers',
  'drone',
  'drones',
  'helicopter',
  'helicopters',
  'gunships',
  'strike',
  'strikes',
  'airstrike',
  'airstrikes',
  'raid',
  'raids',
  'shelling',
  'artillery',
  'missile',
  'missiles',
  'rockets',
  'navy',
  'warships',
  'warship',
]);
const EN_MODIFIERS = new Set([
  'fighter',
  'military',
  'combat',
  'war',
  'unmanned',
  'armed',
  'air',
  'naval',
  'special',
  'ground',
  'attack',
  'reaper',
  'kamikaze',
]);

interface Tables {
  ar: Map<string, string>;
  en: Map<string, string>;
  /** Country names (Arabic stems / English words joined by spaces) → ISO2. */
  namesAr: Map<string, string>;
  namesEn: Map<string, string>;
  /** Capitalised acronyms used as adjectives: US, UK, UAE. */
  acronyms: Map<string, string>;
  military: Map<string, ActorEntry[]>;
}

const cache = new WeakMap<Gazetteer, WeakMap<ActorLexicon, Tables>>();

function militaryOf(lex: ActorLexicon, iso2: string): ActorEntry[] {
  const rows = lex.entries.filter(
    (e) => !e.generic && e.role === 'military' && e.inter === 1 && !e.parent && e.countries.includes(iso2),
  );
  const name = COUNTRY_NAMES[iso2];
  if (!name) return rows;
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const plain = new RegExp(`^Military Forces of (the )?${esc}( \\(\\d{4}-(\\d{4})?\\))?$`);
  const own = rows.filter((e) => plain.test(e.name));
  return own.length ? own : rows;
}

function tables(gaz: Gazetteer, lex: ActorLexicon): Tables {
  let byLex = cache.get(gaz);
  if (!byLex) {
    byLex = new WeakMap();
    cache.set(gaz, byLex);
  }
  let t = byLex.get(lex);
  if (t) return t;
  t = {
    ar: new Map(),
    en: new Map(),
    namesAr: new Map(),
    namesEn: new Map(),
    acronyms: new Map(),
    military: new Map(),
  };
  for (const c of gaz.countries) {
    const mil = militaryOf(lex, c.iso2);
    if (!mil.length) continue;
    t.military.set(c.iso2, mil);
    for (const a of c.adjectives) {
      if (/[\u0600-\u06FF]/.test(a)) {
        let s = normalize(a).trim();
        if (s.startsWith('ال') && s.length >= 5) s = s.slice(2);
        const forms = [s];
        // nisba adjectives: الإسرائيلي → إسرائيلي، إسرائيلية، إسرائيليين، إسرائيليون
        const base = s.replace(/(ه|ين|ون)$/, '');
        if (base.endsWith('ي')) forms.push(base, `${base}ه`, `${base}ين`, `${base}ون`);
        for (const f of forms) if (!AR_AMBIGUOUS.has(f) && !t.ar.has(f)) t.ar.set(f, c.iso2);
      } else if (!t.en.has(a.toLowerCase())) t.en.set(a.toLowerCase(), c.iso2);
    }
    for (const n of c.names) {
      if (/^[A-Z]{2,3}$/.test(n)) {
        if (!t.acronyms.has(n)) t.acronyms.set(n, c.iso2);
      } else if (/[\u0600-\u06FF]/.test(n)) {
        const k = normalize(n)
          .split(/\s+/)
          .filter((w) => w)
          .map((w) => (w.startsWith('ال') && w.length >= 5 ? w.slice(2) : w))
          .join(' ');
        if (k && !t.namesAr.has(k)) t.namesAr.set(k, c.iso2);
      } else if (/^[A-Za-z][A-Za-z ]{3,}$/.test(n) && !t.namesEn.has(n.toLowerCase()))
        t.namesEn.set(n.toLowerCase(), c.iso2);
    }
  }
  byLex.set(lex, t);
  return t;
}

function arAdjective(t: Tables, tok: Token | undefined): string | undefined {
  if (tok?.kind !== 'word') return undefined;
  const stem = tok.stem || tok.norm;
  return t.ar.get(stem) ?? t.ar.get(tok.norm);
}

function arIsHead(tok: Token): boolean {
  // «بغارات روسية»: a preposition glued to the noun is one of its readings (forms), not its stem
  return AR_HEADS.has(tok.stem) || AR_HEADS.has(tok.norm) || tok.forms.some((f) => AR_HEADS.has(f));
}

function enAdjective(t: Tables, tok: Token | undefined): string | undefined {
  if (tok?.kind !== 'word') return undefined;
  return t.acronyms.get(tok.text) ?? t.en.get(tok.norm);
}

interface Found {
  start: number;
  end: number;
  /** Each nationality with its token: the first is the acting force. */
  nations: { iso2: string; at: number }[];
}

function findArabic(doc: Doc, t: Tables, from: number, to: number): Found[] {
  const out: Found[] = [];
  const toks = doc.tokens;
  for (let i = from; i < to; i++) {
    const head = toks[i]!;
    if (!arIsHead(head)) continue;
    let j = i + 1;
    let mods = 0;
    while (j < to && mods < 3 && !arAdjective(t, toks[j]) && AR_MODIFIERS.has(toks[j]!.stem)) {
      j++;
      mods++;
    }
    const iso = arAdjective(t, toks[j]);
    if (!iso) continue;
    const nations = [{ iso2: iso, at: j }];
    let k = j + 1;
    while (k < to) {
      const more = arAdjective(t, toks[k]);
      if (!more) break;
      if (!nations.some((n) => n.iso2 === more)) nations.push({ iso2: more, at: k });
      k++;
    }
    out.push({ start: i, end: j + 1, nations });
    i = k - 1;
  }
  return out;
}

function findEnglish(doc: Doc, t: Tables, from: number, to: number): Found[] {
  const out: Found[] = [];
  const toks = doc.tokens;
  for (let i = from; i < to; i++) {
    const first = enAdjective(t, toks[i]);
    if (!first) continue;
    // "pro-Turkish", "Turkish-backed" are single tokens and never match; "anti-" likewise
    const nations = [{ iso2: first, at: i }];
    let j = i + 1;
    while (j + 1 < to && (toks[j]!.norm === 'and' || toks[j]!.text === ',' || toks[j]!.text === '/')) {
      const more = enAdjective(t, toks[j + 1]);
      if (!more) break;
      if (!nations.some((n) => n.iso2 === more)) nations.push({ iso2: more, at: j + 1 });
      j += 2;
    }
    let mods = 0;
    while (j < to && mods < 2 && EN_MODIFIERS.has(toks[j]!.norm) && !EN_HEADS.has(toks[j]!.norm)) {
      j++;
      mods++;
    }
    if (j >= to || !EN_HEADS.has(toks[j]!.norm)) continue;
    out.push({ start: i, end: j + 1, nations });
    i = j;
  }
  return out;
}

/** Verbs of a strike whose subject, when it is a country, is that country's military. */
const AR_STRIKE_VERBS = new Set([
  'قصف',
  'قصفت',
  'شن',
  'شنت',
  'هاجم',
  'هاجمت',
  'استهدف',
  'استهدفت',
  'ضرب',
  'ضربت',
  'اغار',
  'اغارت',
]);
const EN_STRIKE_VERBS = new Set([
  'struck',
  'strikes',
  'shelled',
  'shells',
  'bombed',
  'bombs',
  'pounded',
  'targeted',
  'attacked',
  'launched',
  'launches',
  'raided',
]);

/**
 * A country named as the subject of a strike verb: «قصفت تركيا مواقع», «شنت إسرائيل غارات»,
 * "Turkey shelled", "Israel launched air strikes". The country stands for its military.
 */
function findCountrySubjects(doc: Doc, t: Tables, from: number, to: number): Found[] {
  const out: Found[] = [];
  const toks = doc.tokens;
  for (let i = from; i < to; i++) {
    if (doc.lang === 'ar') {
      if (!AR_STRIKE_VERBS.has(toks[i]!.stem)) continue;
      for (let n = 3; n >= 1; n--) {
        if (i + 1 + n > to) continue;
        const k = toks
          .slice(i + 1, i + 1 + n)
          .map((x) => x.stem || x.norm)
          .join(' ');
        const iso = t.namesAr.get(k);
        if (iso) {
          out.push({ start: i + 1, end: i + 1 + n, nations: [{ iso2: iso, at: i + 1 }] });
          break;
        }
      }
    } else {
      for (let n = 3; n >= 1; n--) {
        const v = toks[i + n];
        if (i + n >= to || !v || !EN_STRIKE_VERBS.has(v.norm) || toks[i + n + 1]?.norm === 'by') continue;
        const words = toks.slice(i, i + n);
        const iso =
          n === 1 && t.acronyms.has(words[0]!.text)
            ? t.acronyms.get(words[0]!.text)
            : /^[A-Z]/.test(words[0]!.text)
              ? t.namesEn.get(words.map((x) => x.norm).join(' '))
              : undefined;
        if (iso) {
          out.push({ start: i, end: i + n, nations: [{ iso2: iso, at: i }] });
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Adds the forces named by a nationality adjective to the actor matches of a doc. Lexicon matches
 * inside the phrase (a generic «الطيران الحربي», "British warplanes") give way to it; a phrase
 * that a lexicon match crosses, or whose nationality is already inside a lexicon match
 * («جيش الاحتلال الإسرائيلي»), is left to the lexicon.
 */
export function nationalForces(
  doc: Doc,
  gaz: Gazetteer,
  lex: ActorLexicon,
  matches: ActorMatch[],
): NationalMatch[] {
  const t = tables(gaz, lex);
  let out: NationalMatch[] = [...matches];
  for (const s of doc.sentences) {
    const found = [
      ...(doc.lang === 'ar'
        ? findArabic(doc, t, s.tokenStart, s.tokenEnd)
        : findEnglish(doc, t, s.tokenStart, s.tokenEnd)),
      ...findCountrySubjects(doc, t, s.tokenStart, s.tokenEnd),
    ];
    for (const f of found) {
      const crossing = out.some(
        (m) =>
          m.tokenStart < f.end && f.start < m.tokenEnd && !(m.tokenStart >= f.start && m.tokenEnd <= f.end),
      );
      const same = out.some((m) => m.tokenStart === f.start && m.tokenEnd === f.end);
      if (crossing || (same && f.nations.length === 1)) continue;
      out = out.filter((m) => !(m.tokenStart >= f.start && m.tokenEnd <= f.end));
      const text = (a: number, b: number) => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);
      const [head, ...rest] = f.nations;
      out.push({
        tokenStart: f.start,
        tokenEnd: f.end,
        values: t.military.get(head!.iso2)!,
        text: text(f.start, f.end),
        national: true,
      });
      for (const n of rest) {
        // English: the later adjectives stand inside the phrase; Arabic: they follow it
        if (out.some((m) => !m.national && m.tokenStart <= n.at && n.at < m.tokenEnd)) continue;
        out.push({
          tokenStart: n.at,
          tokenEnd: n.at + 1,
          values: t.military.get(n.iso2)!,
          text: text(n.at, n.at + 1),
          national: true,
          conjunct: true,
        });
      }
    }
  }
  return out.sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
}
