import { readsAsOneOf } from '../../numbers/common/phrases.js';
import type { Doc, Token } from '../../types.js';
import type { DateConfig, DateContext, DateMatch, DateRefiner } from '../types.js';
import type { YMD } from './calendar.js';

/** The words that open a match of some parser of a configuration (see DateParser.firstWords). */
const firstWordsOf = new WeakMap<DateConfig, Set<string>>();

function configFirstWords(config: DateConfig): Set<string> {
  let words = firstWordsOf.get(config);
  if (!words) {
    words = new Set();
    for (const p of config.parsers) if (p.firstWords) for (const w of p.firstWords(config.lex)) words.add(w);
    firstWordsOf.set(config, words);
  }
  return words;
}

/** Can a parser that declares its first words match at token t? */
function opens(t: Token, words: Set<string>): boolean {
  return t.kind === 'number' || readsAsOneOf(t, words);
}

/**
 * Runs a date configuration over tokens [from, to): longest match at each token, then the refiners.
 * A parser that declares its first words is tried only at tokens that open a match.
 */
export function runDates(
  config: DateConfig,
  doc: Doc,
  pub: YMD | null,
  from: number,
  to: number,
): DateMatch[] {
  const ctx: DateContext = { doc, tokens: doc.tokens, lang: config.lang, lex: config.lex, pub, from, to };
  const words = configFirstWords(config);
  let matches: DateMatch[] = [];
  for (let i = from; i < to; ) {
    let best: DateMatch | null = null;
    const open = opens(doc.tokens[i]!, words);
    for (const p of config.parsers) {
      if (!open && p.firstWords) continue;
      const m = p.match(ctx, i);
      if (m && m.start >= from && m.end > i && m.end <= to && (!best || m.end > best.end)) best = m;
    }
    if (best) {
      matches.push(best);
      i = best.end;
    } else i++;
  }
  for (const r of config.refiners) matches = r.refine(ctx, matches);
  return matches;
}

/**
 * «الجمعة 21 يناير», «يوم الجمعة الموافق 21 يناير», "Wed 05 Apr 2017", "Friday, January 21":
 * a weekday followed by an absolute date becomes one span with the absolute value.
 */
export const weekdayDateRefiner: DateRefiner = {
  name: 'weekday+date',
  refine(ctx, matches) {
    const out: DateMatch[] = [];
    for (let k = 0; k < matches.length; k++) {
      const a = matches[k]!;
      const b = matches[k + 1];
      if (a.weekday !== undefined && b && b.value.kind === 'absolute' && b.start - a.end <= 2) {
        let ok = true;
        let paren = false;
        for (let j = a.end; j < b.start; j++) {
          const t = ctx.tokens[j]!;
          if (t.text === '(') paren = true;
          if (!ctx.lex.weekdayDateConnectors.has(t.norm)) ok = false;
        }
        if (ok) {
          let end = b.end;
          if (paren && end < ctx.to && ctx.tokens[end]!.text === ')') end++;
          out.push({ start: a.start, end, value: b.value });
          k++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  },
};

/** Drops provisional matches (weekday abbreviations, weekdays without a publication date) left unmerged. */
export const dropProvisionalRefiner: DateRefiner = {
  name: 'drop-provisional',
  refine(_ctx, matches) {
    return matches.filter((m) => !m.provisional);
  },
};
