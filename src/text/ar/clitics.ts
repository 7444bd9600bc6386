/**
 * Arabic clitic segmentation on normalised forms (see text/normalize.ts: ة→ه, ى→ي, أإآ→ا).
 * Proclitics: conjunctions و ف, prepositions ب ل ك, future س, the article ال (and لل = ل + ال).
 * Enclitics: attached pronouns. Segmentation is ambiguous (بلده is a town, or ب + لده), so we
 * return every plausible reading; the lexicon matcher tries them all, best first.
 */

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];
const ENCLITICS = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها', 'ه', 'ي', 'ك'];
const MIN_STEM = 2;

export interface Segmentation {
  prefix: string;
  stem: string;
  suffix: string;
}

/** Every reading of a normalised Arabic word as proclitics + stem (no enclitic), full form first. */
export function proclitReadings(word: string): Segmentation[] {
  const out: Segmentation[] = [{ prefix: '', stem: word, suffix: '' }];
  const seen = new Set([word]);
  const push = (prefix: string, stem: string) => {
    if (stem.length < MIN_STEM || seen.has(stem)) return;
    seen.add(stem);
    out.push({ prefix, stem, suffix: '' });
  };
  const conjs = ['', ...CONJ.filter((c) => word.startsWith(c))];
  for (const c of conjs) {
    const rest1 = word.slice(c.length);
    if (c) push(c, rest1);
    // لل = ل + ال (للجيش)
    if (rest1.startsWith('لل') && rest1.length - 2 >= MIN_STEM) {
      push(c + 'لل', rest1.slice(2));
    }
    const preps = ['', ...PREP.filter((p) => rest1.startsWith(p))];
    for (const p of preps) {
      const rest2 = rest1.slice(p.length);
      if (p) push(c + p, rest2);
      if (rest2.startsWith('ال') && rest2.length - 2 >= MIN_STEM) push(c + p + 'ال', rest2.slice(2));
    }
    // future س before an imperfect verb prefix (سيقوم, وستواصل)
    if (/^س[يتنا]/.test(rest1) && rest1.length - 1 >= 3) push(c + 'س', rest1.slice(1));
  }
  return out;
}

/** Strips one attached pronoun if the remaining stem stays long enough. */
export function stripEnclitic(stem: string): { stem: string; suffix: string } | null {
  for (const e of ENCLITICS) {
    if (stem.endsWith(e) && stem.length - e.length >= 3) {
      return { stem: stem.slice(0, -e.length), suffix: e };
    }
  }
  return null;
}

/**
 * Candidate forms of a normalised Arabic word, best first, plus a best-guess segmentation.
 * The best guess strips a proclitic sequence only when it ends in the article (وبالمدينة → مدينه),
 * or when a lone conjunction leaves a stem of 3+ letters.
 */
export function segmentArabic(word: string): { forms: string[]; best: Segmentation } {
  const readings = proclitReadings(word);
  const forms: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      forms.push(f);
    }
  };
  for (const r of readings) add(r.stem);
  // Readings without an enclitic come first; enclitic-stripped ones after.
  for (const r of readings) {
    const e = stripEnclitic(r.stem);
    if (e) add(e.stem);
  }
  let best: Segmentation = readings[0]!;
  for (const r of readings) {
    if (r.prefix.endsWith('ال') || r.prefix.endsWith('لل')) {
      if (r.prefix.length > best.prefix.length) best = r;
    }
  }
  if (best.prefix === '' && readings.length > 1) {
    const conj = readings.find((r) => (r.prefix === 'و' || r.prefix === 'ف') && r.stem.length >= 3);
    if (conj && word.length >= 4) best = conj;
  }
  // ه and ي are ambiguous after normalisation (ة→ه, ى→ي): the best guess strips only longer pronouns.
  const enc = stripEnclitic(best.stem);
  if (enc && enc.suffix.length >= 2 && enc.stem.length >= 3) {
    best = { prefix: best.prefix, stem: enc.stem, suffix: enc.suffix };
  }
  return { forms, best };
}
