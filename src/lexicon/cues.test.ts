import { describe, expect, it } from 'vitest';
import { createDoc } from '../text/doc.js';
import type { Lang } from '../text/types.js';
import { CUE_KINDS, type CueEntry, isCueScope, loadCues, matchCues, parseCues, scopeWindow } from './cues.js';

/** Cue kinds found in a sentence. */
function kindsIn(text: string, lang: Lang): string[] {
  const doc = createDoc({ text, lang });
  return matchCues(doc).flatMap((m) => m.values.map((v: CueEntry) => v.kind));
}

describe('cue lexicon files', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`${lang}: validates, has no duplicates, covers every kind`, () => {
      const { entries, duplicates, matcher } = loadCues(lang);
      expect(duplicates).toEqual([]);
      expect(matcher.size).toBe(entries.length);
      const kinds = new Set(entries.map((e) => e.kind));
      for (const k of CUE_KINDS) expect(kinds.has(k), k).toBe(true);
      for (const e of entries) {
        expect(e.lang).toBe(lang);
        expect(isCueScope(e.scope)).toBe(true);
      }
    });
  }
});

describe('parseCues validation', () => {
  const header = 'phrase\tkind\tscope\tnote';
  it('accepts valid rows, with or without a note', () => {
    const r = parseCues(`${header}\nلم\tnegation\tnext3\tx\nsaid\treport\tsentence\n`, 'c.tsv', 'ar');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.kind)).toEqual(['negation', 'report']);
  });
  it('reports unknown kind, unknown scope and empty phrase with file and line', () => {
    const r = parseCues(
      `${header}\nfoo\tnegative\tnext3\t\nbar\tnegation\tparagraph\t\n\tnegation\tnext3\t\n`,
      'c.tsv',
      'en',
    );
    expect(r.entries).toEqual([]);
    expect(r.problems.some((p) => p.startsWith('c.tsv:2:') && p.includes('negative'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('c.tsv:3:') && p.includes('paragraph'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('c.tsv:4:') && p.includes('empty phrase'))).toBe(true);
  });
  it('reports duplicates after normalisation', () => {
    const r = parseCues(`${header}\nنفى\tdenial\tsentence\t\nنفي\tdenial\tsentence\t\n`, 'c.tsv', 'ar');
    expect(r.duplicates).toHaveLength(1);
  });
  it('scope windows', () => {
    expect(scopeWindow('next3')).toBe(3);
    expect(scopeWindow('next8')).toBe(8);
    expect(scopeWindow('clause')).toBeNull();
    expect(isCueScope('next5')).toBe(true);
    expect(isCueScope('next99')).toBe(false);
  });
});

// Own sentences: [sentence, expected cue kind].
const AR: [string, string][] = [
  ['لم يسفر الانفجار عن إصابات', 'negation'],
  ['ولا توجد معلومات عن ضحايا', 'negation'],
  ['مر الموكب دون وقوع إصابات', 'negation'],
  ['سوف تبدأ العملية خلال أيام', 'future'],
  ['وسيتم نقل المعتقلين إلى العاصمة', 'future'],
  ['ومن المقرر أن تنطلق المسيرة غدا', 'future'],
  ['في حال تعرض المدينة لهجوم سيرد الجيش', 'hypothetical'],
  ['قد يشن التنظيم هجمات جديدة', 'hypothetical'],
  ['ربما تتجدد الاشتباكات', 'hypothetical'],
  ['تتزايد المخاوف من هجوم وشيك', 'fear'],
  ['ويخشى السكان من تجدد القصف', 'fear'],
  ['هدد التنظيم باستهداف المدينة', 'threat'],
  ['وتوعدت الجماعة بالرد', 'threat'],
  ['يعتزم الجيش إطلاق عملية عسكرية', 'plan'],
  ['وكشفت الوثائق خطة لاقتحام السجن', 'plan'],
  ['ورأى المحلل أن التنظيم يستعيد قوته', 'opinion'],
  ['ويعتقد خبراء أن الهجوم سيتكرر', 'opinion'],
  ['أدانت الوزارة الهجوم على المسجد', 'condemnation'],
  ['واستنكرت الحكومة التفجير', 'condemnation'],
  ['نفت الوزارة وقوع أي اعتقالات', 'denial'],
  ['ووصف المتحدث الأنباء بأنها عارية عن الصحة', 'denial'],
  ['قتل في المدينة ذاتها منذ سنوات عشرات المدنيين', 'history'],
  ['في عام 2014 سيطر التنظيم على المدينة', 'history'],
  ['وكان قد اعتقل في وقت سابق', 'history'],
  ['قضت المحكمة بسجن المتهمين عشر سنوات', 'trial'],
  ['بدأت محاكمة المتهمين في التفجير', 'trial'],
  ['شيعت الحشود جثامين الضحايا', 'funeral'],
  ['أقيم مجلس عزاء للقتلى', 'funeral'],
  ['قتل مئة شخص منذ بداية العام', 'statistic'],
  ['وبلغ إجمالي القتلى خلال العام ألفا', 'statistic'],
  ['دعا الناشطون إلى التظاهر يوم الجمعة', 'call'],
  ['وطالبت المنظمة بالإفراج عن المعتقلين', 'call'],
  ['هل يعود التنظيم إلى المدينة', 'question'],
  ['حذرت الأمم المتحدة من كارثة إنسانية', 'warning'],
  ['وقال مصدر أمني إن الهجوم وقع ليلا', 'report'],
  ['أفادت وكالة الأنباء بسقوط قتلى', 'report'],
  ['ارتفعت حصيلة القتلى إلى عشرين', 'toll_update'],
  ['ليرتفع عدد الضحايا إلى ثلاثين', 'toll_update'],
  ['هاجم مسلحون حاجزا للشرطة', 'armed_target'],
  ['استهدف الهجوم دورية للجيش', 'armed_target'],
  ['سقطت قذيفة على سوق شعبي', 'civilian_target'],
  ['وقع الانفجار قرب مسجد', 'civilian_target'],
  ['قتل ثلاثة مدنيين بينهم أطفال', 'civilian_victim'],
  ['أصيب عدد من المصلين', 'civilian_victim'],
  ['قتل جنديان في الهجوم', 'armed_victim'],
  ['أصيب ضابط وثلاثة عناصر', 'armed_victim'],
  ['هاجم مسلحون مجهولون القرية', 'militant_noun'],
  ['قتل عشرة إرهابيين', 'militant_noun'],
  ['ارتفع عدد القتلى', 'death_noun'],
  ['عثر على جثة رجل', 'death_noun'],
  ['نقل الجرحى إلى المستشفى', 'wound_noun'],
  ['وأحيل الموقوفون إلى النيابة', 'arrest_noun'],
  ['أفرج عن عدد من المعتقلين', 'arrest_noun'],
  ['تجمع المتظاهرون في الساحة', 'protester_noun'],
  ['سجل المهاجم من ضربة جزاء', 'non_event'],
  ['توفي ثلاثة في حادث سير', 'non_event'],
];

const EN: [string, string][] = [
  ['No casualties were reported.', 'negation'],
  ['The blast did not cause injuries.', 'negation'],
  ['The convoy passed without incident.', 'negation'],
  ['The army will launch an offensive.', 'future'],
  ['Protesters are set to march tomorrow.', 'future'],
  ['If the talks fail, fighting could resume.', 'hypothetical'],
  ['Militants might attack the city.', 'hypothetical'],
  ['Officials said he may have been killed.', 'hypothetical'],
  ['Residents fear renewed shelling.', 'fear'],
  ['There are concerns of a new offensive.', 'fear'],
  ['The group threatened to attack the capital.', 'threat'],
  ['Rebels vowed to retake the town.', 'threat'],
  ['The militia plans to seize the port.', 'plan'],
  ['Police uncovered a plot to bomb the embassy.', 'plan'],
  ['Analysts say the group is regrouping.', 'opinion'],
  ['Experts believe the attack was planned.', 'opinion'],
  ['The UN condemned the attack on the hospital.', 'condemnation'],
  ['Rights groups denounced the killings.', 'condemnation'],
  ['The ministry denied that any arrests took place.', 'denial'],
  ['Officials dismissed reports of clashes as rumours.', 'denial'],
  ['The town was captured years ago.', 'history'],
  ['He had been arrested previously.', 'history'],
  ['Crowds marked the anniversary of the massacre.', 'history'],
  ['A court sentenced him to death.', 'trial'],
  ['The trial of the bombers began today.', 'trial'],
  ['Mourners gathered at the funeral of the victims.', 'funeral'],
  ['He was laid to rest on Friday.', 'funeral'],
  ['Over 300 people have died since the beginning of the year.', 'statistic'],
  ['So far this year, 40 attacks were recorded.', 'statistic'],
  ['Activists called for a general strike.', 'call'],
  ['The UN urged both sides to show restraint.', 'call'],
  ['It is unclear whether anyone was hurt.', 'question'],
  ['The agency warned of further attacks.', 'warning'],
  ['Police said two men were arrested.', 'report'],
  ['According to witnesses, the blast was heard far away.', 'report'],
  ['The death toll rose to 15.', 'toll_update'],
  ['This brings the death toll to 30.', 'toll_update'],
  ['Gunmen attacked a checkpoint.', 'armed_target'],
  ['A convoy was ambushed.', 'armed_target'],
  ['A bomb exploded in a crowded market.', 'civilian_target'],
  ['Shells hit a school.', 'civilian_target'],
  ['Two civilians were killed.', 'civilian_victim'],
  ['Several children were injured.', 'civilian_victim'],
  ['Three soldiers died.', 'armed_victim'],
  ['Two policemen were wounded.', 'armed_victim'],
  ['Unidentified gunmen opened fire.', 'militant_noun'],
  ['Insurgents attacked the town.', 'militant_noun'],
  ['Bodies were found near the river.', 'death_noun'],
  ['The victims were buried.', 'death_noun'],
  ['Dozens of injured were taken to hospital.', 'wound_noun'],
  ['Four suspects were detained.', 'arrest_noun'],
  ['The prisoners were released.', 'arrest_noun'],
  ['Demonstrators gathered outside.', 'protester_noun'],
  ['He died of a heart attack.', 'non_event'],
  ['A gas explosion destroyed the kitchen.', 'non_event'],
];

describe('cue detection in own sentences', () => {
  it('covers every cue kind in both languages', () => {
    for (const list of [AR, EN]) {
      const kinds = new Set(list.map(([, k]) => k));
      for (const k of CUE_KINDS) expect(kinds.has(k), k).toBe(true);
    }
  });
  for (const [text, kind] of AR) {
    it(`ar: ${kind} ← ${text}`, () => {
      expect(kindsIn(text, 'ar')).toContain(kind);
    });
  }
  for (const [text, kind] of EN) {
    it(`en: ${kind} ← ${text}`, () => {
      expect(kindsIn(text, 'en')).toContain(kind);
    });
  }
});

describe('blockers and false friends', () => {
  it('ar: لا يزال and ما لا يقل عن are not negations', () => {
    expect(kindsIn('التنظيم لا يزال نشطا', 'ar')).not.toContain('negation');
    expect(kindsIn('قتل ما لا يقل عن عشرة أشخاص', 'ar')).not.toContain('negation');
  });
  it('en: "no less than" is not a negation; "may" as a month is not hypothetical', () => {
    expect(kindsIn('No less than ten people were killed.', 'en')).not.toContain('negation');
    expect(kindsIn('Clashes erupted on 5 May.', 'en')).not.toContain('hypothetical');
  });
  it('ar: الشيعة is not a funeral cue', () => {
    expect(kindsIn('يقطن الحي عدد من الشيعة', 'ar')).not.toContain('funeral');
  });
  it('ar: قد before a perfect verb is not hypothetical', () => {
    expect(kindsIn('قد قتل ثلاثة أشخاص', 'ar')).not.toContain('hypothetical');
  });
  it('en: an arrest warrant is a non-event span', () => {
    expect(kindsIn('A court issued an arrest warrant.', 'en')).toContain('non_event');
  });
  it('cue scopes are exposed for the frame builder', () => {
    const doc = createDoc({ text: 'لم يقتل أحد', lang: 'ar' });
    const [m] = matchCues(doc);
    expect(m!.values[0]!.scope).toBe('next3');
  });
});

describe('added cues: recent spans, purpose forms, names, participants', () => {
  it('en: "in the past three days" is recent, "in the past" alone is history', () => {
    expect(kindsIn('Forty fighters died in the past three days in clashes.', 'en')).not.toContain('history');
    expect(kindsIn('In the past, the town saw heavy fighting.', 'en')).toContain('history');
    expect(kindsIn('Three soldiers were killed weeks ago.', 'en')).toContain('history');
  });
  it('en: fear reaches forward only', () => {
    const doc = createDoc({ text: 'Workers announced a general strike amid fears of attacks.', lang: 'en' });
    const fear = matchCues(doc)
      .flatMap((m) => m.values)
      .find((v) => v.kind === 'fear');
    expect(fear?.scope).toBe('next8');
  });
  it('en: "believed to be" qualifies the actor and hides the opinion cue', () => {
    const k = kindsIn('Gunmen believed to be from the group attacked a checkpoint.', 'en');
    expect(k).toContain('non_event');
    expect(k).not.toContain('opinion');
  });
  it('en: arrests in connection with an earlier attack', () => {
    expect(kindsIn('Police arrested five men in connection with the bombing.', 'en')).toContain('history');
  });
  it('en: workers, students and the unemployed are protest participants', () => {
    expect(kindsIn('A group of unemployed blocked the national road.', 'en')).toContain('protester_noun');
    expect(kindsIn('Doctors resumed their strike.', 'en')).toContain('protester_noun');
    expect(kindsIn('Hundreds of students gathered at the gate.', 'en')).toContain('protester_noun');
  });
  it('en: civilian victims and armed targets', () => {
    expect(kindsIn('Militiamen killed a merchant in the market.', 'en')).toContain('civilian_victim');
    expect(kindsIn('A displaced man was shot near the camp.', 'en')).toContain('civilian_victim');
    expect(kindsIn('The bomb hit two armoured vehicles.', 'en')).toContain('armed_target');
    expect(kindsIn('Gunmen attacked a police checkpoint.', 'en')).toContain('armed_target');
  });
  it('en: Shell the company is a non-event span', () => {
    expect(kindsIn('Royal Dutch Shell reported higher profits.', 'en')).toContain('non_event');
  });
  it('ar: purpose ل + masdar is a non-event span; the bare masdar is not', () => {
    expect(kindsIn('أطلقت القوات عملية لتحرير المدينة', 'ar')).toContain('non_event');
    expect(kindsIn('نقطة انطلاق لاستعادة السيطرة على المدن', 'ar')).toContain('non_event');
    expect(kindsIn('اضطر للانضمام إلى التنظيم', 'ar')).toContain('non_event');
    expect(kindsIn('أعلن الجيش تحرير المدينة', 'ar')).not.toContain('non_event');
  });
  it('ar: غداة is "the day after", not the future غدا', () => {
    expect(kindsIn('قصفت الطائرات المواقع غداة تبادل لإطلاق النار', 'ar')).not.toContain('future');
    expect(kindsIn('يعقد المجلس اجتماعه غدا', 'ar')).toContain('future');
  });
  it('ar: «يعتقد أنهم» qualifies the actor and hides the opinion cue', () => {
    const k = kindsIn('هاجم مسلحون يعتقد أنهم من التنظيم القرية', 'ar');
    expect(k).not.toContain('opinion');
    expect(kindsIn('يعتقد محللون أن الهجوم وشيك', 'ar')).toContain('opinion');
  });
  it('ar: past time adverbials and finished events', () => {
    expect(kindsIn('سيطرت القوات على المدينة قبل أيام', 'ar')).toContain('history');
    expect(kindsIn('أصيب الجندي بداية العام الحالي', 'ar')).toContain('history');
    expect(kindsIn('دمرت المدينة في المعارك التي انتهت بانتصار القوات', 'ar')).toContain('history');
  });
  it('ar: names and figurative phrases containing trigger words', () => {
    expect(kindsIn('عثر على جثة القيادي في الحراك الجنوبي', 'ar')).toContain('non_event');
    expect(kindsIn('يمثل خرقا لاتفاقية جنيف', 'ar')).toContain('non_event');
    expect(kindsIn('اتهم الحكومة بالتطهير المذهبي', 'ar')).toContain('non_event');
    expect(kindsIn('احتجاجا على نهب حقوقهم', 'ar')).toContain('non_event');
  });
  it('ar: plan and hypothetical forms', () => {
    expect(kindsIn('وافقت تركيا على السماح بشن ضربات جوية', 'ar')).toContain('plan');
    expect(kindsIn('منع السكان من العودة تحت طائلة الاعتقال', 'ar')).toContain('hypothetical');
  });
  it('ar: participants and victims', () => {
    expect(kindsIn('أضرب الموظفين عن العمل', 'ar')).toContain('protester_noun');
    expect(kindsIn('قطع العاطلين عن العمل الطريق', 'ar')).toContain('protester_noun');
    expect(kindsIn('قتل مزارع برصاص مسلحين', 'ar')).toContain('civilian_victim');
    expect(kindsIn('استهدفت عبوة آلية للجيش', 'ar')).toContain('armed_target');
  });
});
