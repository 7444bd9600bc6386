/**
 * Memoises a pure function of a string (a word's keys, readings, skeleton): the same words come
 * back in every article. The memo is bounded: it starts afresh when it holds `max` entries, so
 * memory stays constant over any input. Results are shared between callers: treat them as
 * read-only.
 */
export function memoByString<V>(fn: (s: string) => V, max = 50_000): (s: string) => V {
  const memo = new Map<string, V>();
  return (s: string): V => {
    let v = memo.get(s);
    if (v === undefined) {
      v = fn(s);
      if (memo.size >= max) memo.clear();
      memo.set(s, v);
    }
    return v;
  };
}

/**
 * Memoises an index built from an object (a lexicon, a gazetteer): built on first use, once per
 * object, and dropped with it.
 */
export function memoByObject<K extends object, V>(build: (k: K) => V): (k: K) => V {
  const memo = new WeakMap<K, V>();
  return (k: K): V => {
    let v = memo.get(k);
    if (v === undefined) {
      v = build(k);
      memo.set(k, v);
    }
    return v;
  };
}
