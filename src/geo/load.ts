/**
 * Loading the generated gazetteer (dist/gazetteer.json, and the snapshot of its indexes
 * dist/gazetteer.v8), or building it in memory when missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { buildGazetteerData, defaultSources } from './build.js';
import type { GazetteerData } from './data.js';
import { createGazetteer, type Gazetteer } from './gazetteer.js';
import { readSnapshot, snapshotKey } from './snapshot.js';

export function gazetteerFile(root = packageRoot()): string {
  return join(root, 'dist', 'gazetteer.json');
}

/** The snapshot of the built gazetteer (see snapshot.ts). */
export function gazetteerSnapshotFile(root = packageRoot()): string {
  return join(root, 'dist', 'gazetteer.v8');
}

/** Reads the generated file if present, else builds from the sources (slower, ~1-2 s). */
export function loadGazetteerData(root = packageRoot()): GazetteerData {
  const file = gazetteerFile(root);
  if (existsSync(file)) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as GazetteerData;
    if (data.version === 1) return data;
  }
  const src = defaultSources(root);
  if (!existsSync(src.citiesFile)) {
    throw new Error(
      `marsad: gazetteer not built (${file} missing) and ${src.citiesFile} not found; run npm ci && npm run build`,
    );
  }
  return buildGazetteerData(src).data;
}

let cached: Gazetteer | undefined;

/** The gazetteer, loaded once per process (thread): from its snapshot when it matches, else built. */
export function loadGazetteer(): Gazetteer {
  if (!cached) cached = fromSnapshot(packageRoot()) ?? createGazetteer(loadGazetteerData());
  return cached;
}

function fromSnapshot(root: string): Gazetteer | null {
  const data = gazetteerFile(root);
  if (!existsSync(data)) return null;
  try {
    return readSnapshot(gazetteerSnapshotFile(root), snapshotKey(data));
  } catch {
    return null; // the code that builds the indexes cannot be read: build them
  }
}
