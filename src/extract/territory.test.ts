import { beforeAll, describe, expect, it } from 'vitest';
import { type ActorLexicon, loadActorLexicon, resolveName } from '../lexicon/actors.js';
import { GOVERNMENT_REGAINS, NON_STATE_OVERTAKES, sideOf, territoryByTaker } from './territory.js';

let lex: ActorLexicon;
beforeAll(() => {
  lex = loadActorLexicon();
});

function side(name: string, country: string, year: number) {
  const a = resolveName(lex, name, { country, year });
  expect(a, name).not.toBeNull();
  return sideOf(lex, a!, country);
}

describe('the side of the one who takes a place', () => {
  it('state forces of the country, and militias the lexicon attaches to them, are the state', () => {
    expect(side('الجيش السوري', 'SY', 2018)).toBe('state');
    expect(side('Libyan National Army', 'LY', 2016)).toBe('state');
    expect(side('قوات الدفاع الوطني', 'SY', 2018)).toBe('state');
    expect(side('المقاومة الشعبية', 'YE', 2015)).toBe('state');
    expect(side('pro-government militia', 'SY', 2016)).toBe('state');
  });
  it('rebels, jihadists and other militias are non-state', () => {
    expect(side('داعش', 'SY', 2016)).toBe('non-state');
    expect(side('Islamic State', 'LY', 2016)).toBe('non-state');
    expect(side('Rapid Support Forces', 'SD', 2024)).toBe('non-state');
  });
  it('another state, or its affiliate abroad, is foreign; unidentified men are unknown', () => {
    expect(side('القوات التركية', 'SY', 2019)).toBe('foreign');
    expect(side('قوات الدفاع الوطني', 'LB', 2018)).toBe('foreign');
    expect(side('gunmen', 'LY', 2016)).toBe('unknown');
  });
});

describe('the territorial sub-event follows the taker', () => {
  const army = () => resolveName(lex, 'الجيش السوري', { country: 'SY', year: 2018 });
  const is = () => resolveName(lex, 'داعش', { country: 'SY', year: 2018 });
  it('flips either way by the taker and leaves other sub-events alone', () => {
    expect(territoryByTaker(NON_STATE_OVERTAKES, army(), lex, 'SY')).toBe(GOVERNMENT_REGAINS);
    expect(territoryByTaker(GOVERNMENT_REGAINS, is(), lex, 'SY')).toBe(NON_STATE_OVERTAKES);
    expect(territoryByTaker(NON_STATE_OVERTAKES, is(), lex, 'SY')).toBe(NON_STATE_OVERTAKES);
    expect(territoryByTaker('Armed clash', army(), lex, 'SY')).toBe('Armed clash');
  });
  it('keeps the trigger reading without a known taker', () => {
    expect(territoryByTaker(GOVERNMENT_REGAINS, null, lex, 'SY')).toBe(GOVERNMENT_REGAINS);
    expect(territoryByTaker(NON_STATE_OVERTAKES, null, lex, 'SY')).toBe(NON_STATE_OVERTAKES);
    const gunmen = resolveName(lex, 'gunmen', { country: 'SY', year: 2018 });
    expect(territoryByTaker(GOVERNMENT_REGAINS, gunmen, lex, 'SY')).toBe(GOVERNMENT_REGAINS);
  });
});
