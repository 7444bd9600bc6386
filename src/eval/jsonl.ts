/** Reading JSON Lines files: one JSON object per line; blank lines are skipped; a bad line is reported with its number. */
import { readFileSync } from 'node:fs';

export class JsonlError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source}:${line}: ${detail}`);
    this.name = 'JsonlError';
  }
}

/** Parses JSONL text; every non-blank line must be a JSON object. `source` names the text in errors. */
export function parseJsonl(text: string, source = '<jsonl>'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new JsonlError(source, i + 1, `invalid JSON (${(err as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new JsonlError(source, i + 1, 'expected a JSON object');
    }
    out.push(value as Record<string, unknown>);
  }
  return out;
}

export function readJsonl(path: string): Record<string, unknown>[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseJsonl(text, path);
}
