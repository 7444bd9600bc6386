/**
 * A snapshot of the in-memory gazetteer (records and name indexes) in V8's serialisation format,
 * written by the build next to dist/gazetteer.json. Reading it back takes a fraction of the time
 * building the indexes does, which is most of an extraction thread's startup.
 *
 * The snapshot is used only when its key matches: the V8 version, a hash of the gazetteer file and
 * a hash of the code that builds the indexes. Otherwise (or when it is missing or unreadable) the
 * caller builds the indexes as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Gazetteer } from './gazetteer.js';

const FORMAT = 1;

/** Modules whose code decides what the indexes hold (found next to this one, compiled or not). */
const INDEX_CODE = ['./gazetteer', './names', '../text/normalize'];

/** The key of a snapshot of the gazetteer built from `dataFile` by this code in this V8. */
export function snapshotKey(dataFile: string): string {
  const h = createHash('sha256');
  h.update(readFileSync(dataFile));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const m of INDEX_CODE) h.update(readFileSync(new URL(`${m}${ext}`, import.meta.url)));
  return `${FORMAT}|${process.versions.v8}|${h.digest('hex')}`;
}

export function writeSnapshot(file: string, key: string, gaz: Gazetteer): void {
  writeFileSync(file, serialize({ key, gaz }));
}

/** The gazetteer in the snapshot, or null when there is none, it cannot be read or its key differs. */
export function readSnapshot(file: string, key: string): Gazetteer | null {
  if (!existsSync(file)) return null;
  try {
    const s = deserialize(readFileSync(file)) as { key?: unknown; gaz?: Gazetteer };
    return s.key === key && s.gaz ? s.gaz : null;
  } catch {
    return null;
  }
}
