import { readFileSync } from 'node:fs';
import { resourcePath } from '../../../util/paths.js';
import { proclitReadings } from '../../ar/clitics.js';
import { normalize } from '../../normalize.js';
import { tokenize } from '../../tokenize.js';
import type { Token } from '../../types.js';

/**
 * Small helpers shared by the number and date parsers: loading JSON word lists from resources/,
 * normalising their keys like the text, and matching multi-token phrases at a token position.
 * Every match looks at a bounded number of tokens, so scanning a document stays linear.
 */

const cache = new Map<string, unknown>();

/** Loads and caches resources/<dir>/<file> (JSON). */
export function loadResource<T>(dir: string, file: string): T {
  const key = `${dir}/${file}`;
  let v = cache.get(key);
  if (v === undefined) {
    v = JSON.parse(readFileSync(resourcePath(dir, file), 'utf8'));
    cache.set(key, v);
  }
  return v as T;
}

/** The normalised token keys of a phrase, as the tokenizer would see them. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

/** A word-keyed map whose keys are normalised. */
export function normMap<V>(obj: Record<string, V>): Map<string, V> {
  const m = new Map<string, V>();
  for (const [k, v] of Object.entries(obj)) {
    const n = normalize(k);
    if (!m.has(n)) m.set(n, v);
  }
  return m;
}

export function normSet(list: string[]): Set<string> {
  return new Set(list.map((k) => normalize(k)));
}

/** Proclitic prefixes accepted on the first word of a phrase (conjunction, preposition, article). */
export const ANY_PREFIX: ReadonlySet<string> = new Set([
  '',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'وب',
  'ول',
  'فب',
  'فل',
  'وك',
  'ال',
  'وال',
  'فال',
  'بال',
  'كال',
  'وبال',
  'فبال',
  'لل',
  'ولل',
  'فلل',
]);
export const CONJ_PREFIX: ReadonlySet<string> = new Set(['', 'و', 'ف']);
export const NO_PREFIX: ReadonlySet<string> = new Set(['']);

export interface Reading {
  prefix: string;
  stem: string;
}

const ARABIC = /[\u0600-\u06FF]/;
const readingCache = new WeakMap<Token, Reading[]>();

/** Readings of a token: for Arabic words, proclitic-stripped stems (full form first); otherwise the norm. */
export function readings(t: Token, allowed: ReadonlySet<string> = ANY_PREFIX): Reading[] {
  if (t.kind !== 'word') return [{ prefix: '', stem: t.norm }];
  if (!ARABIC.test(t.norm)) return t.forms.map((f) => ({ prefix: '', stem: f }));
  let all = readingCache.get(t);
  if (!all) {
    all = proclitReadings(t.norm).map((r) => ({ prefix: r.prefix, stem: r.stem }));
    readingCache.set(t, all);
  }
  if (allowed === ANY_PREFIX) return all.filter((r) => allowed.has(r.prefix));
  const out: Reading[] = [];
  for (const r of all) {
    if (allowed.has(r.prefix)) out.push({ prefix: r.prefix, stem: r.stem });
  }
  return out;
}

/**
 * Does token t read as one of `words`: one of its readings (any proclitic), or one of its forms?
 * The engines use it to try a parser only where its match can start.
 */
export function readsAsOneOf(t: Token, words: ReadonlySet<string>): boolean {
  for (const r of readings(t, ANY_PREFIX)) if (words.has(r.stem)) return true;
  for (const f of t.forms) if (words.has(f)) return true;
  return false;
}

/** Looks a token up in a map through its readings; returns the first hit. */
export function lookup<V>(
  t: Token | undefined,
  map: Map<string, V> | Set<string>,
  allowed: ReadonlySet<string> = ANY_PREFIX,
): { value: V; prefix: string; stem: string } | null {
  if (!t) return null;
  for (const r of readings(t, allowed)) {
    if (map instanceof Set) {
      if (map.has(r.stem)) return { value: true as V, prefix: r.prefix, stem: r.stem };
    } else {
      const v = map.get(r.stem);
      if (v !== undefined) return { value: v, prefix: r.prefix, stem: r.stem };
    }
  }
  return null;
}

export interface PhraseHit<V> {
  start: number;
  end: number;
  value: V;
  prefix: string;
}

/**
 * A table of multi-token phrases. The first token of a phrase may carry a proclitic from `allowed`
 * (وبحوالي, لأكثر من); the other tokens must equal the normalised phrase token exactly.
 */
export class PhraseTable<V> {
  private byFirst = new Map<string, { rest: string[]; value: V }[]>();
  maxLen = 0;

  constructor(entries: Record<string, V> | [string, V][] = {}) {
    const list = Array.isArray(entries) ? entries : Object.entries(entries);
    for (const [p, v] of list) this.add(p, v);
  }

  add(phrase: string, value: V): void {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    const [first, ...rest] = keys as [string, ...string[]];
    let arr = this.byFirst.get(first);
    if (!arr) {
      arr = [];
      this.byFirst.set(first, arr);
    }
    arr.push({ rest, value });
    // Longest first, so the first hit is the longest.
    arr.sort((a, b) => b.rest.length - a.rest.length);
    this.maxLen = Math.max(this.maxLen, keys.length);
  }

  /** The normalised first tokens of the phrases (a phrase can only start at a token that reads as one). */
  firstKeys(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** The longest phrase starting at token i and ending before `limit`. */
  matchAt(
    tokens: Token[],
    i: number,
    allowed: ReadonlySet<string> = ANY_PREFIX,
    limit = tokens.length,
  ): PhraseHit<V> | null {
    const t = tokens[i];
    if (!t || i >= limit) return null;
    let best: PhraseHit<V> | null = null;
    for (const r of readings(t, allowed)) {
      const arr = this.byFirst.get(r.stem);
      if (!arr) continue;
      for (const e of arr) {
        const end = i + 1 + e.rest.length;
        if (end > limit) continue;
        let ok = true;
        for (let k = 0; k < e.rest.length; k++) {
          if (tokens[i + 1 + k]!.norm !== e.rest[k]) {
            ok = false;
            break;
          }
        }
        if (ok && (!best || end > best.end)) best = { start: i, end, value: e.value, prefix: r.prefix };
      }
    }
    return best;
  }

  /** The longest phrase that ends exactly at token `end` (exclusive) and starts at or after `floor`. */
  matchEndingAt(
    tokens: Token[],
    end: number,
    floor = 0,
    allowed: ReadonlySet<string> = ANY_PREFIX,
  ): PhraseHit<V> | null {
    for (let len = Math.min(this.maxLen, end - floor); len >= 1; len--) {
      const h = this.matchAt(tokens, end - len, allowed, end);
      if (h && h.end === end) return h;
    }
    return null;
  }
}

/** True when tokens a and b touch (no whitespace between them). */
export function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}
