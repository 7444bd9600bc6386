/**
 * Builds dist/gazetteer.json from GeoNames cities1000, @countrystatecity/countries and
 * resources/places/*.tsv, and dist/gazetteer.v8, the snapshot of the indexes built from it (see
 * src/geo/snapshot.ts). Run by `npm run build` (after tsc).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGazetteerData, defaultSources } from '../src/geo/build.js';
import { createGazetteer } from '../src/geo/gazetteer.js';
import { gazetteerFile, gazetteerSnapshotFile, loadGazetteerData } from '../src/geo/load.js';
import { snapshotKey, writeSnapshot } from '../src/geo/snapshot.js';
import { packageRoot } from '../src/util/paths.js';

function main(): number {
  const root = packageRoot();
  const t0 = performance.now();
  const { data, warnings } = buildGazetteerData(defaultSources(root));
  const out = gazetteerFile(root);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(out, JSON.stringify(data));
  // the snapshot of the indexes as a process builds them from the file just written
  writeSnapshot(gazetteerSnapshotFile(root), snapshotKey(out), createGazetteer(loadGazetteerData(root)));
  for (const w of warnings) console.warn(`build-gazetteer: warning: ${w}`);
  const ms = Math.round(performance.now() - t0);
  console.log(
    `build-gazetteer: ${data.countries.length} countries, ${data.entries.length} entries, ${warnings.length} warnings → ${out} and its index snapshot (${ms} ms)`,
  );
  return 0;
}

process.exitCode = main();
