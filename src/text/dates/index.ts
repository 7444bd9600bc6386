import { addSpan, createDoc } from '../doc.js';
import type { Doc, Lang, Span } from '../types.js';
import { arDateConfig } from './ar/index.js';
import { parsePublished } from './common/calendar.js';
import { runDates } from './common/engine.js';
import { enDateConfig } from './en/index.js';
import type { DateConfig, DateMatch, DateValue } from './types.js';

export type { DateConfig, DateKind, DateMatch, DateParser, DateRefiner, DateValue } from './types.js';

export function dateConfig(lang: Lang): DateConfig {
  return lang === 'ar' ? arDateConfig() : enDateConfig();
}

function matchesOf(doc: Doc, from: number, to: number): DateMatch[] {
  return runDates(dateConfig(doc.lang), doc, parsePublished(doc.published), from, to);
}

/**
 * Finds dates, sentence by sentence, and adds spans labelled 'date' (sorted by start).
 * Relative expressions (yesterday, on Sunday, «الأسبوع الماضي») and day-month or month mentions
 * without a year are resolved against doc.published (YYYY-MM-DD or an ISO timestamp). When
 * published is missing or invalid they are skipped: only dates that carry their own year are found.
 */
export function findDates(doc: Doc): Span<DateValue>[] {
  const found: DateMatch[] = [];
  for (const s of doc.sentences) {
    for (const m of matchesOf(doc, s.tokenStart, s.tokenEnd)) {
      if (m.start < s.tokenStart || m.end > s.tokenEnd || m.end <= m.start) continue;
      found.push(m);
    }
  }
  // «أمس الجمعة» when yesterday was not a Friday: the article was written on another day than its
  // publication date says, and its other «أمس», «اليوم» move with it
  const shift = found.find((m) => m.shift)?.shift;
  const out: Span<DateValue>[] = [];
  for (const m of found) {
    let v = m.value;
    if (shift && !m.shift && v.kind === 'relative_day') {
      const t = Date.parse(`${v.date}T00:00:00Z`) + shift * 86_400_000;
      v = { ...v, date: new Date(t).toISOString().slice(0, 10) };
    }
    out.push(addSpan(doc, 'date', m.start, m.end, v));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Parses a short phrase that should be one date; null when none is found. */
export function parseDate(text: string, lang: Lang, published?: string): DateValue | null {
  const doc = createDoc({ text, lang, published });
  const ms = matchesOf(doc, 0, doc.tokens.length);
  return ms.length ? ms[0]!.value : null;
}
