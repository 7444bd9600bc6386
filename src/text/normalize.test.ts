import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap } from './normalize.js';

describe('Arabic normalisation', () => {
  it('folds alef and hamza variants, alef maqsura, taa marbuta', () => {
    expect(normalize('أحمد إبراهيم آمنة')).toBe('احمد ابراهيم امنه');
    expect(normalize('مستشفى')).toBe('مستشفي');
    expect(normalize('مؤسسة رئيس')).toBe('موسسه رييس');
  });
  it('removes diacritics and tatweel', () => {
    expect(normalize('قُتِلَ')).toBe('قتل');
    expect(normalize('الحســـكة')).toBe('الحسكه');
    expect(normalize('شَدَّة')).toBe('شده');
  });
  it('maps Arabic-Indic and Persian digits to ASCII', () => {
    expect(normalize('٢٣ قتيلا و۱۲ جريحا')).toBe('23 قتيلا و12 جريحا');
  });
  it('applies NFKC (presentation forms, ligatures) and lowercases Latin', () => {
    expect(normalize('ﻻ')).toBe('لا');
    expect(normalize('ISIS')).toBe('isis');
  });
  it('drops zero-width and bidi controls', () => {
    expect(normalize('دا\u200Cعش\u200F')).toBe('داعش');
  });
  it('keeps a map from every normalised character to its original offset', () => {
    const original = 'قُتِلَ ٢٣ شخصاً';
    const { text, map } = normalizeWithMap(original);
    expect(text).toBe('قتل 23 شخصا');
    for (let i = 0; i < text.length; i++) {
      const o = map[i]!;
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThan(original.length);
    }
    expect(map[text.length]).toBe(original.length);
    // "23" maps back to the Arabic-Indic digits
    const at = text.indexOf('23');
    expect(original.slice(map[at]!, map[at + 2]!)).toBe('٢٣');
  });
  it('leaves the original string untouched and handles lone surrogates', () => {
    const s = 'a\uD800b';
    const r = normalizeWithMap(s);
    expect(s).toBe('a\uD800b');
    expect(r.map.length).toBe(r.text.length + 1);
  });
});
