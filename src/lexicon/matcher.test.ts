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
  it('tries prefix patterns a word starts with in the order they were added', () => {
    const p = new PhraseMatcher<string>();
    p.add('shoot*', 'long first');
    p.add('sho*', 'short second');
    p.add('shot', 'exact');
    p.add('sho* dead', 'two words');
    p.add('bomb*', 'bomb');
    // equally long matches: the exact key first, then the patterns in the order they were added
    expect(p.matchAt(createDoc({ text: 'shooting' }).tokens, 0)?.values).toEqual(['long first']);
    expect(p.matchAt(createDoc({ text: 'shot' }).tokens, 0)?.values).toEqual(['exact']);
    expect(p.matchAt(createDoc({ text: 'shoal' }).tokens, 0)?.values).toEqual(['short second']);
    expect(p.matchAt(createDoc({ text: 'shooters dead' }).tokens, 0)?.values).toEqual(['two words']);
    expect(p.matchAt(createDoc({ text: 'sh bombs' }).tokens, 0)).toBeNull();
    expect(matches(p, 'sh bombs')).toEqual([['bombs', 'bomb']]);
  });
  it('keeps what a word reaches per forms array, never across different forms', () => {
    const p = new PhraseMatcher<string>();
    p.add('مسلحين', 'gunmen');
    const doc = createDoc({ text: 'قتل مسلحين ومسلحين' });
    const [, a, b] = doc.tokens;
    expect(p.matchAt(doc.tokens, 1)?.values).toEqual(['gunmen']);
    expect(p.matchAt(doc.tokens, 2)?.values).toEqual(['gunmen']); // و + مسلحين
    // the same word with other forms (as the actor matcher's tokens have): its own answer
    const without = doc.tokens.map((t) =>
      t === b ? { ...t, forms: t.forms.filter((f) => f !== 'مسلحين') } : t,
    );
    expect(p.matchAt(without, 2)).toBeNull();
    expect(p.matchAt(doc.tokens, 2)?.values).toEqual(['gunmen']);
    expect(a!.forms).not.toBe(b!.forms);
  });
});
