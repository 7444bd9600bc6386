import { describe, expect, it } from 'vitest';
import { createDoc } from '../text/doc.js';
import { PhraseMatcher, phraseKeys } from './matcher.js';

function matches(m: PhraseMatcher<string>, text: string) {
  const doc = createDoc({ text });
  return m
    .matchDoc(doc)
    .map((x) => [
      doc.text.slice(doc.tokens[x.tokenStart]!.start, doc.tokens[x.tokenEnd - 1]!.end),
      x.values[0],
    ]);
}

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher<string>();
  m.add('قوات سوريا الديمقراطية', 'SDF');
  m.add('قوات سوريا', 'short');
  m.add('داعش', 'IS');
  m.add('اشتباك*', 'clash');
  m.add('Islamic State', 'IS');
  m.add('kill*', 'kill');

  it('prefers the longest match', () => {
    expect(matches(m, 'هاجمت قوات سوريا الديمقراطية مواقع')).toEqual([['قوات سوريا الديمقراطية', 'SDF']]);
  });
  it('matches through Arabic clitics and an optional article', () => {
    expect(matches(m, 'ولداعش وبالاشتباكات')).toEqual([
      ['ولداعش', 'IS'],
      ['وبالاشتباكات', 'clash'],
    ]);
  });
  it('matches English case-insensitively and by prefix wildcard', () => {
    expect(matches(m, 'the islamic state killed')).toEqual([
      ['islamic state', 'IS'],
      ['killed', 'kill'],
    ]);
  });
  it('never matches across sentences or inside unrelated words', () => {
    expect(matches(m, 'قوات. سوريا')).toEqual([]);
    expect(matches(m, 'skilled')).toEqual([]);
  });
  it('keys keep the star only on the starred token', () => {
    expect(phraseKeys('اشتباك* عنيفة')).toEqual(['اشتباك*', 'عنيفه']);
    expect(phraseKeys('   ')).toEqual([]);
  });
});
