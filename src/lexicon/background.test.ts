import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_KINDS,
  limitsProblems,
  loadBackground,
  loadBackgroundLimits,
  parseBackground,
} from './background.js';

describe('background lexicon files', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`${lang}: validates and covers every kind`, () => {
      const { entries, matcher } = loadBackground(lang);
      expect(matcher.size).toBe(entries.length);
      const kinds = new Set(entries.map((e) => e.kind));
      for (const k of BACKGROUND_KINDS) expect(kinds.has(k), k).toBe(true);
      for (const e of entries) expect(e.kind === 'unit', e.phrase).toBe(e.days !== undefined);
    });
  }
  it('limits: the single-event ceiling is far above the largest toll of one event we code', () => {
    const l = loadBackgroundLimits();
    expect(limitsProblems(l)).toEqual([]);
    expect(l.maxEventFatalities).toBeGreaterThanOrEqual(2000);
    expect(l.sinceMinDays).toBeGreaterThan(7);
  });
});

describe('parseBackground validation', () => {
  const header = 'phrase\tkind\tdays\tnote';
  it('accepts rows with or without days and note', () => {
    const r = parseBackground(`${header}\nwar\twar\nyears\tunit\t365\tx\nsince\tsince\t\tnote\n`, 'b.tsv');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.kind, e.days])).toEqual([
      ['war', undefined],
      ['unit', 365],
      ['since', undefined],
    ]);
  });
  it('reports unknown kinds, missing or stray days and duplicates with file and line', () => {
    const r = parseBackground(
      `${header}\nfoo\twars\nmonths\tunit\nwar\twar\t3\nحرب\twar\nالحرب\twar\n`,
      'b.tsv',
    );
    expect(r.entries.map((e) => e.phrase)).toEqual(['حرب']);
    expect(r.problems.some((p) => p.startsWith('b.tsv:2:') && p.includes('wars'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('b.tsv:3:') && p.includes('days'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('b.tsv:4:') && p.includes('only a unit'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('b.tsv:6:') && p.includes('duplicate'))).toBe(true);
  });
  it('checks the limits', () => {
    expect(limitsProblems({ maxEventFatalities: 5000 }).length).toBeGreaterThan(0);
    expect(limitsProblems(null)).toEqual(['limits must be a JSON object']);
  });
});
