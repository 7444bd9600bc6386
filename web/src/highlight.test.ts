import { describe, expect, it } from 'vitest';
import { pieces } from './highlight';

const span = (field: string, start: number, end: number) => ({ field, start, end });

describe('pieces', () => {
  const text = 'قُتل أربعة عناصر في الحسكة أمس';

  it('keeps every character once, in order', () => {
    const ps = pieces(text, [
      { span: span('fatalities', 0, 10), group: 0 },
      { span: span('location', 20, 26), group: 0 },
    ]);
    expect(ps.map((p) => p.text).join('')).toBe(text);
    expect(ps.filter((p) => p.fields.length).map((p) => p.text)).toEqual([
      text.slice(0, 10),
      text.slice(20, 26),
    ]);
    expect(ps[0]!.start).toBe(0);
  });

  it('splits overlapping spans so that each piece names all its fields and groups', () => {
    const ps = pieces('abcdefgh', [
      { span: span('actor1', 0, 5), group: 0 },
      { span: span('fatalities', 3, 8), group: 1 },
    ]);
    expect(ps.map((p) => [p.text, p.fields.join('+'), p.groups.join('+')])).toEqual([
      ['abc', 'actor1', '0'],
      ['de', 'actor1+fatalities', '0+1'],
      ['fgh', 'fatalities', '1'],
    ]);
  });

  it('ignores empty, reversed and out-of-range spans without losing text', () => {
    const ps = pieces('hello world', [
      { span: span('a', 5, 5), group: 0 },
      { span: span('b', 8, 2), group: 0 },
      { span: span('c', 6, 400), group: 0 },
      { span: span('d', 1.5, 3), group: 0 },
    ]);
    expect(ps.map((p) => p.text).join('')).toBe('hello world');
    expect(ps.filter((p) => p.fields.length).map((p) => [p.text, p.fields])).toEqual([['world', ['c']]]);
  });

  it('returns the text as one plain piece without spans, and nothing for an empty text', () => {
    expect(pieces('plain', [])).toEqual([{ text: 'plain', start: 0, fields: [], groups: [] }]);
    expect(pieces('', [])).toEqual([]);
  });
});
