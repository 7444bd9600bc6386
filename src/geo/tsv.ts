/** A small TSV reader for resources/places: one header row, tab-separated, UTF-8, `#` comments. */
import { readFileSync } from 'node:fs';

export type TsvRow = Record<string, string>;

export function parseTsv(text: string, file = 'tsv'): TsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // Comment lines may precede the header.
  let h = 0;
  while (h < lines.length && (lines[h]!.startsWith('#') || !lines[h]!.trim())) h++;
  const header = (lines[h] ?? '').split('\t').map((x) => x.trim());
  const rows: TsvRow[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (cells.length > header.length) {
      throw new Error(`${file}:${i + 1}: ${cells.length} columns, expected ${header.length}`);
    }
    const row: TsvRow = {};
    header.forEach((h, k) => {
      row[h] = (cells[k] ?? '').trim();
    });
    rows.push(row);
  }
  return rows;
}

export function readTsv(path: string): TsvRow[] {
  return parseTsv(readFileSync(path, 'utf8'), path);
}

/** Splits a `|`-separated list cell. */
export function listCell(s: string | undefined): string[] {
  return (s ?? '')
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
