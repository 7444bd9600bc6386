import { describe, expect, it } from 'vitest';
import { memoByObject, memoByString } from './memo.js';

describe('memoByString', () => {
  it('computes each string once and returns the same result', () => {
    const calls: string[] = [];
    const upper = memoByString((s: string) => {
      calls.push(s);
      return [s.toUpperCase()];
    });
    const a = upper('kafr');
    expect(upper('kafr')).toBe(a);
    expect(upper('nubl')).toEqual(['NUBL']);
    expect(calls).toEqual(['kafr', 'nubl']);
  });

  it('stays bounded: starts afresh when full', () => {
    let n = 0;
    const f = memoByString((s: string) => `${s}${n++}`, 2);
    expect(f('a')).toBe('a0');
    expect(f('b')).toBe('b1');
    expect(f('a')).toBe('a0');
    expect(f('c')).toBe('c2'); // full: the memo was cleared before c went in
    expect(f('a')).toBe('a3');
  });
});

describe('memoByObject', () => {
  it('builds once per object and separately for each object', () => {
    let calls = 0;
    const size = memoByObject((xs: number[]) => {
      calls++;
      return xs.length;
    });
    const a = [1, 2];
    const b = [1, 2, 3];
    expect([size(a), size(a), size(b), size(a)]).toEqual([2, 2, 3, 2]);
    expect(calls).toBe(2);
  });
});
