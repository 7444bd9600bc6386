/**
 * Cuts a text into plain and highlighted pieces from evidence spans (character offsets into the
 * text). Overlapping spans are split at every boundary, so each piece knows every field it
 * supports. Offsets are UTF-16 indexes, as the extractor writes them.
 */
export interface EvidenceSpan {
  field: string;
  start: number;
  end: number;
  text: string;
  part: 'text' | 'title';
}

export interface Piece {
  text: string;
  start: number;
  /** The fields this piece is evidence for; empty for plain text. */
  fields: string[];
  /** Which highlighted groups it belongs to (e.g. event numbers on the extract page). */
  groups: number[];
}

export interface Marked {
  span: { field: string; start: number; end: number };
  group: number;
}

export function pieces(text: string, marks: Marked[]): Piece[] {
  const valid = marks.filter(
    (m) => Number.isInteger(m.span.start) && Number.isInteger(m.span.end) && m.span.start < m.span.end,
  );
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(Math.max(0, Math.min(text.length, m.span.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const covering = valid.filter((m) => m.span.start <= start && m.span.end >= end);
    const fields = [...new Set(covering.map((m) => m.span.field))];
    const groups = [...new Set(covering.map((m) => m.group))];
    const prev = out[out.length - 1];
    if (prev && !fields.length && !prev.fields.length) {
      prev.text += text.slice(start, end);
      continue;
    }
    out.push({ text: text.slice(start, end), start, fields, groups });
  }
  return out;
}
