import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGazetteer } from './gazetteer.js';
import { gazetteerFile, loadGazetteerData } from './load.js';
import { readSnapshot, snapshotKey, writeSnapshot } from './snapshot.js';

/** Maps and Sets as tagged arrays, so that toEqual also compares their order. */
function plain(x: unknown): unknown {
  return JSON.parse(
    JSON.stringify(x, (_k, v) => (v instanceof Map ? ['Map', ...v] : v instanceof Set ? ['Set', ...v] : v)),
  );
}

describe('gazetteer snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const gaz = createGazetteer(loadGazetteerData());

  it('reads back the same records and indexes, in the same order, with shared records', () => {
    const file = join(dir, 'g.v8');
    writeSnapshot(file, 'key-1', gaz);
    const back = readSnapshot(file, 'key-1')!;
    expect(back).not.toBeNull();
    expect(plain(back)).toEqual(plain(gaz));
    // an index entry is the record itself, not a copy
    const [key, seat] = [...back.seats][0]!;
    expect(back.places[seat.id]).toBe(seat);
    expect(gaz.seats.get(key)!.id).toBe(seat.id);
  });

  it('is ignored when its key differs, or when it is missing or unreadable', () => {
    const file = join(dir, 'g2.v8');
    writeSnapshot(file, 'key-1', gaz);
    expect(readSnapshot(file, 'key-2')).toBeNull();
    expect(readSnapshot(join(dir, 'missing.v8'), 'key-1')).toBeNull();
    writeFileSync(file, 'not a snapshot');
    expect(readSnapshot(file, 'key-1')).toBeNull();
  });

  it('has a key that changes with the gazetteer file', () => {
    const copy = join(dir, 'gazetteer.json');
    copyFileSync(gazetteerFile(), copy);
    const k = snapshotKey(copy);
    expect(snapshotKey(copy)).toBe(k);
    writeFileSync(copy, '{"version":1}');
    expect(snapshotKey(copy)).not.toBe(k);
  });
});
