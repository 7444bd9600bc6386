import { tokenize } from '../text/tokenize.js';
import type { Doc, Token } from '../text/types.js';

/**
 * A phrase matcher over doc tokens (a token trie), used by every lexicon classifier: actors,
 * triggers, modality cues, places. Lexicon phrases are tokenised and normalised like the text.
 * A lexicon token matches a doc token when it equals one of the doc token's forms (so Arabic
 * clitics are handled: و/ف, ب/ل/ك, ال, attached pronouns); the Arabic article on a lexicon token is
 * optional (الحسكة matches حسكة, بالحسكة, والحسكة). A lexicon token ending in `*` matches any form
 * that starts with it (اشتباك* matches اشتباكات; kill* matches killed).
 */

interface TrieNode<V> {
  children: Map<string, TrieNode<V>>;
  /** Children whose key is a prefix pattern (from a trailing `*`), in the order they were added. */
  prefixes: [string, TrieNode<V>][];
  /**
   * The same prefix patterns in a character trie, so that the patterns a form starts with are
   * found in one pass over the form's characters (the Arabic triggers have ~100 patterns in ا).
   */
  prefixTree: CharNode<V> | null;
  values: V[];
}

/** A node of a prefix-pattern character trie; `child` is set where a pattern ends. */
interface CharNode<V> {
  next: Map<number, CharNode<V>>;
  child: TrieNode<V> | null;
  /** Index of the pattern in its node's `prefixes` (the order matches are tried in). */
  order: number;
}

function node<V>(): TrieNode<V> {
  return { children: new Map(), prefixes: [], prefixTree: null, values: [] };
}

function charNode<V>(): CharNode<V> {
  return { next: new Map(), child: null, order: -1 };
}

/** The prefix-pattern children of a node whose pattern the form starts with, in pattern order. */
function prefixChildren<V>(tree: CharNode<V>, f: string): CharNode<V>[] | null {
  let hit: CharNode<V> | null = null;
  let hits: CharNode<V>[] | null = null;
  let cur: CharNode<V> | undefined = tree;
  for (let c = 0; c < f.length; c++) {
    cur = cur.next.get(f.charCodeAt(c));
    if (!cur) break;
    if (!cur.child) continue;
    if (!hit) hit = cur;
    else if (hits) hits.push(cur);
    else hits = [hit, cur];
  }
  if (hits) return hits.sort((a, b) => a.order - b.order);
  return hit ? [hit] : null;
}

export interface Match<V> {
  tokenStart: number;
  tokenEnd: number;
  values: V[];
}

/** Lexicon-side key of one phrase token: normalised, with an Arabic article stripped. */
export function lexiconKey(t: Token): string {
  const n = t.norm;
  if (n.startsWith('ال') && n.length >= 5 && /[\u0600-\u06FF]/.test(n)) return n.slice(2);
  return n;
}

/** Splits a lexicon phrase into token keys. Returns [] for an empty phrase. */
export function phraseKeys(phrase: string): string[] {
  const raw = phrase.trim();
  if (!raw) return [];
  const keys: string[] = [];
  // Keep '*' attached: tokenise the phrase without the stars, then re-attach by position.
  const toks = tokenize(raw.replace(/\*/g, ''));
  let cursor = 0;
  const starless = raw.replace(/\*/g, '');
  const starAt = new Set<number>();
  for (let i = 0, k = 0; i < raw.length; i++) {
    if (raw[i] === '*') starAt.add(k);
    else k++;
  }
  for (const t of toks) {
    cursor = t.end;
    let key = lexiconKey(t);
    if (starAt.has(cursor)) key += '*';
    keys.push(key);
  }
  void starless;
  return keys;
}

/** Punctuation ends a phrase (a hyphen or an apostrophe may be part of one). */
function stops(t: Token): boolean {
  return t.kind === 'punct' && t.text !== '-' && t.text !== "'";
}

const NONE: readonly never[] = [];

/**
 * The children of n that forms reach, each once, in the order they are tried: form by form, the
 * child of the exact key, then the prefix patterns the form starts with (in the order added).
 */
function childrenOf<V>(n: TrieNode<V>, forms: readonly string[]): readonly TrieNode<V>[] {
  let out: TrieNode<V>[] | null = null;
  const add = (c: TrieNode<V>) => {
    if (!out) out = [c];
    else if (!out.includes(c)) out.push(c);
  };
  for (const f of forms) {
    const c = n.children.get(f);
    if (c) add(c);
    if (!n.prefixTree) continue;
    const found = prefixChildren(n.prefixTree, f);
    if (found) for (const cn of found) add(cn.child!);
  }
  return out ?? NONE;
}

export class PhraseMatcher<V> {
  private root: TrieNode<V> = node();
  size = 0;

  add(phrase: string, value: V): void {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    let n = this.root;
    for (const key of keys) {
      if (key.endsWith('*') && key.length > 1) {
        const p = key.slice(0, -1);
        let child = n.prefixes.find(([k]) => k === p)?.[1];
        if (!child) {
          child = node();
          n.prefixes.push([p, child]);
          n.prefixTree ??= charNode();
          let cn = n.prefixTree;
          for (let c = 0; c < p.length; c++) {
            const code = p.charCodeAt(c);
            let next = cn.next.get(code);
            if (!next) {
              next = charNode();
              cn.next.set(code, next);
            }
            cn = next;
          }
          cn.child = child;
          cn.order = n.prefixes.length - 1;
        }
        n = child;
      } else {
        let child = n.children.get(key);
        if (!child) {
          child = node();
          n.children.set(key, child);
        }
        n = child;
      }
    }
    n.values.push(value);
    this.size++;
  }

  /** The longest match starting at token i (within [i, limit)), or null. */
  matchAt(tokens: Token[], i: number, limit = tokens.length): Match<V> | null {
    if (i >= limit || stops(tokens[i]!)) return null;
    let best: Match<V> | null = null;
    for (const c of this.rootChildren(tokens[i]!.forms)) best = this.walk(c, tokens, i, i + 1, limit, best);
    return best;
  }

  /**
   * The children of the root that a word's forms reach, kept per forms array: the tokens of one
   * word share theirs (see tokenize), and most words reach none.
   */
  private rootHits = new WeakMap<readonly string[], readonly TrieNode<V>[]>();

  private rootChildren(forms: readonly string[]): readonly TrieNode<V>[] {
    let hits = this.rootHits.get(forms);
    if (!hits) {
      hits = childrenOf(this.root, forms);
      this.rootHits.set(forms, hits);
    }
    return hits;
  }

  /**
   * Depth-first walk from node n at token j: every child reached by the token's forms (see
   * childrenOf); returns the longest match found (the first one found among equally long ones).
   */
  private walk(
    n: TrieNode<V>,
    tokens: Token[],
    i: number,
    j: number,
    limit: number,
    best: Match<V> | null,
  ): Match<V> | null {
    if (n.values.length && j > i && (!best || j > best.tokenEnd)) {
      best = { tokenStart: i, tokenEnd: j, values: n.values };
    }
    if (j >= limit || stops(tokens[j]!)) return best;
    for (const c of childrenOf(n, tokens[j]!.forms)) best = this.walk(c, tokens, i, j + 1, limit, best);
    return best;
  }

  /** Longest non-overlapping matches, left to right, over tokens [from, to). */
  matchRange(tokens: Token[], from = 0, to = tokens.length): Match<V>[] {
    const out: Match<V>[] = [];
    for (let i = from; i < to; ) {
      const m = this.matchAt(tokens, i, to);
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }

  /** Matches within each sentence of the doc (phrases never cross a sentence boundary). */
  matchDoc(doc: Doc): Match<V>[] {
    const out: Match<V>[] = [];
    for (const s of doc.sentences) out.push(...this.matchRange(doc.tokens, s.tokenStart, s.tokenEnd));
    return out;
  }
}
