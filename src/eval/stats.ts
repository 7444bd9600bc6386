/** Small counting helpers shared by the scorers. */

/** A ratio with its counts; `value` is null when the denominator is 0. */
export interface Ratio {
  hits: number;
  n: number;
  value: number | null;
}

export function ratio(hits: number, n: number): Ratio {
  return { hits, n, value: n > 0 ? hits / n : null };
}

export class Counter {
  hits = 0;
  n = 0;
  add(ok: boolean): void {
    this.n++;
    if (ok) this.hits++;
  }
  get ratio(): Ratio {
    return ratio(this.hits, this.n);
  }
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  /** null when nothing was predicted. */
  precision: number | null;
  /** null when the gold has nothing. */
  recall: number | null;
  /** 2tp / (2tp + fp + fn); null only when both sides are empty. */
  f1: number | null;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const d = 2 * tp + fp + fn;
  return { tp, fp, fn, precision, recall, f1: d > 0 ? (2 * tp) / d : null };
}

/** |p − g| ≤ 0.2·g; for g = 0 only an exact 0 counts. */
export function within20(pred: number, gold: number): boolean {
  if (gold === 0) return pred === 0;
  return Math.abs(pred - gold) <= 0.2 * Math.abs(gold);
}

/**
 * How many gold items find a distinct equal predicted item (greedy one-to-one matching; exact for
 * equivalence relations, which is what the scorers use).
 */
export function matchCount<G, P>(
  gold: readonly G[],
  pred: readonly P[],
  same: (g: G, p: P) => boolean,
): number {
  const used = new Set<number>();
  let n = 0;
  for (const g of gold) {
    for (let j = 0; j < pred.length; j++) {
      if (used.has(j) || !same(g, pred[j]!)) continue;
      used.add(j);
      n++;
      break;
    }
  }
  return n;
}
