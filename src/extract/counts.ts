import { actorIdentity } from '../lexicon/actors.js';
import type { NumberValue } from '../text/numbers/index.js';
import type { Doc, Span } from '../text/types.js';
import { backgroundTokens } from './background.js';
import type { ExtractContext } from './context.js';
import { hasForm, type LangRules } from './lang.js';
import type { ActorMention, Annotations, Count, Range, TriggerHit, VictimClass } from './types.js';

type Anchor = 'death' | 'wound' | 'arrest' | 'combined';

/** Token-indexed views of the annotations, built once per document. */
export interface CountIndex {
  numberAt: Map<number, Span<NumberValue>>;
  /** Token index → anchor kinds starting there (from triggers and cue nouns). */
  anchorAt: Map<number, { kind: Anchor; end: number }>;
  victimAt: Map<number, VictimClass>;
  tollUpdate: Set<number>;
  actorAt: Map<number, ActorMention>;
  /** Tokens covered by an actor mention. */
  actorTokens: Set<number>;
  /** Token indices right after a trigger (where an adjective of the weapon would stand). */
  triggerEnd: Set<number>;
}

/** Attack triggers that mean a killing (murdered, executed, اغتال) anchor death counts too. */
const LETHAL =
  /kill|murder|execut|assassinat|slain|slaughter|behead|lynch|قتل|اغتال|اغتيال|اعدم|ذبح|تصفي|نحر/;

function anchorKind(sub: string, phrase = ''): Anchor | null {
  if (sub === 'KILL') return 'death';
  if ((sub === 'Attack' || sub === 'ATTACK') && LETHAL.test(phrase.toLowerCase())) return 'death';
  if (sub === 'WOUND') return 'wound';
  if (sub === 'Arrests') return 'arrest';
  return null;
}

/**
 * Token-indexed views for counting. `blocked` holds triggers that do not report this event
 * (negated, hypothetical, a protest's grievance): their deaths are not counted.
 */
export function buildCountIndex(ann: Annotations, blocked: Set<TriggerHit> = new Set()): CountIndex {
  // figures and casualty words in a clause about the war as a whole are totals, not an event's toll
  const background = backgroundTokens(ann.background);
  const numberAt = new Map<number, Span<NumberValue>>();
  for (const n of ann.numbers) {
    const v = n.value;
    if (v.ordinal || (v.unit && v.unit !== 'people' && v.unit !== 'person')) continue;
    if (background.has(n.tokenStart)) continue;
    numberAt.set(n.tokenStart, n);
  }
  const anchorAt = new Map<number, { kind: Anchor; end: number }>();
  for (const t of ann.triggers) {
    if (blocked.has(t) || background.has(t.tokenStart)) continue;
    const k = anchorKind(t.entry.subEventType, t.entry.phrase);
    if (k && !anchorAt.has(t.tokenStart)) anchorAt.set(t.tokenStart, { kind: k, end: t.tokenEnd });
  }
  const victimAt = new Map<number, VictimClass>();
  const tollUpdate = new Set<number>();
  for (const c of ann.cues) {
    const kind = c.entry.kind;
    if (
      background.has(c.tokenStart) &&
      (kind === 'death_noun' || kind === 'wound_noun' || kind === 'arrest_noun')
    )
      continue;
    if (kind === 'death_noun' && !anchorAt.has(c.tokenStart))
      anchorAt.set(c.tokenStart, { kind: 'death', end: c.tokenEnd });
    else if (kind === 'wound_noun' && !anchorAt.has(c.tokenStart))
      anchorAt.set(c.tokenStart, { kind: 'wound', end: c.tokenEnd });
    else if (kind === 'arrest_noun' && !anchorAt.has(c.tokenStart))
      anchorAt.set(c.tokenStart, { kind: 'arrest', end: c.tokenEnd });
    else if (kind === 'civilian_victim') victimAt.set(c.tokenStart, 'civilian');
    else if (kind === 'armed_victim') victimAt.set(c.tokenStart, 'armed');
    else if (kind === 'militant_noun') victimAt.set(c.tokenStart, 'militant');
    else if (kind === 'toll_update') for (let k = c.tokenStart; k < c.tokenEnd; k++) tollUpdate.add(k);
  }
  const actorAt = new Map<number, ActorMention>();
  const actorTokens = new Set<number>();
  for (const a of ann.actors) {
    if (!actorAt.has(a.tokenStart)) actorAt.set(a.tokenStart, a);
    for (let k = a.tokenStart; k < a.tokenEnd; k++) actorTokens.add(k);
  }
  const triggerEnd = new Set(ann.triggers.map((t) => t.tokenEnd));
  return { numberAt, anchorAt, victimAt, tollUpdate, actorAt, actorTokens, triggerEnd };
}

export interface Counts {
  deaths: Count[];
  wounded: Count[];
  arrested: Count[];
}

function rangeOfTokens(doc: Doc, a: number, b: number): Range {
  return {
    tokenStart: a,
    tokenEnd: b,
    start: doc.tokens[a]!.start,
    end: doc.tokens[b - 1]!.end,
    sentence: doc.tokens[a]!.sentence,
  };
}

/**
 * Finds the people counts of a frame in tokens [from, to): killed, wounded, arrested.
 * A number is tied to the nearest casualty word on its right (12 قتيلا, 12 people were killed)
 * or on its left (مقتل 12, killing 12, ارتفعت حصيلة القتلى إلى 12). A killed-and-wounded figure
 * ("66 بين قتيل وجريح", "killed or wounded 30") is not a death count: it yields a vague 3, as do
 * deaths reported without a number (سقوط قتلى). A singular victim without a number counts 1.
 */
export function findCounts(
  doc: Doc,
  idx: CountIndex,
  rules: LangRules,
  ctx: ExtractContext,
  from: number,
  to: number,
): Counts {
  const out: Counts = { deaths: [], wounded: [], arrested: [] };
  const tokens = doc.tokens;
  const usedAnchors = new Set<number>();
  const isSkippable = (k: number) => {
    const t = tokens[k]!;
    return (
      hasForm(t, rules.personNouns) ||
      hasForm(t, rules.auxiliaries) ||
      idx.victimAt.has(k) ||
      t.norm === 'people'
    );
  };
  const negatedBefore = (k: number) => {
    for (let j = k - 1; j >= Math.max(from, k - 3); j--)
      if (hasForm(tokens[j], rules.noCasualties)) return true;
    return false;
  };
  // Named groups are identities; civilians and other generic people are a class, not a group that
  // adds up with others («استشهاد أحد المواطنين» told twice is one death).
  const victimOf = (a: ActorMention, cls: VictimClass): { victim?: string; cls: VictimClass } => {
    const c = classOfRole(a.actor!.role, cls);
    if (a.actor!.inter === 7 || a.actor!.inter === 6) return { cls: c };
    return { victim: actorIdentity(a.actor!.name, ctx.actors), cls: c };
  };
  const victimAfter = (k: number): { victim?: string; cls: VictimClass } => {
    let cls: VictimClass = 'unknown';
    for (let j = k; j < Math.min(to, k + 5); j++) {
      const v = idx.victimAt.get(j);
      if (v && cls === 'unknown') cls = v;
      const t = tokens[j]!;
      if (rules.partitive.includes(t.norm) || t.forms.includes(rules.partitive[0]!)) {
        const a = idx.actorAt.get(j + 1);
        if (a?.actor) return victimOf(a, cls);
      }
      // a mention that itself holds the partitive («عناصر من قوات سوريا الديمقراطية»)
      const a = idx.actorAt.get(j);
      const partitiveInside =
        !!a &&
        hasForm(tokens[a.tokenStart], rules.personNouns) &&
        hasForm(tokens[a.tokenStart + 1], rules.partitive);
      // not the weapon's owner: «بقذيفة حوثية», "by a Houthi shell"
      const afterWeapon = !!a && idx.triggerEnd.has(a.tokenStart);
      if (a?.actor && !a.anaphor && !afterWeapon && (j > k || partitiveInside)) return victimOf(a, cls);
      if (t.kind === 'punct') break;
    }
    return { cls };
  };
  const push = (
    kind: Anchor,
    value: number,
    vague: boolean,
    a: number,
    b: number,
    update: boolean,
    anchor?: number,
    additional = false,
  ) => {
    const v = victimAfter(b);
    // the victims may stand inside the count ("Eight militants were killed", «12 جنديا قتلوا»)
    if (v.cls === 'unknown') {
      for (let j = a; j < b; j++) {
        const c = idx.victimAt.get(j);
        if (c) {
          v.cls = c;
          break;
        }
      }
    }
    const c: Count = {
      value,
      range: rangeOfTokens(doc, a, b),
      vague,
      update,
      victimClass: v.cls,
      ...(v.victim ? { victim: v.victim } : {}),
      ...(anchor !== undefined ? { anchor } : {}),
      ...(additional ? { additional } : {}),
    };
    if (kind === 'death') out.deaths.push(c);
    else if (kind === 'wound') out.wounded.push(c);
    else if (kind === 'arrest') out.arrested.push(c);
    else out.deaths.push({ ...c, value: 3, vague: true });
  };

  // 1. Numbers tied to an anchor.
  for (let k = from; k < to; k++) {
    const n = idx.numberAt.get(k);
    if (!n || n.tokenEnd > to) continue;
    // «عبدالله آل منصور (20)», "Ahmed (34)": an age or a reference in parentheses, not a count
    if (tokens[n.tokenStart - 1]?.text === '(' && tokens[n.tokenEnd]?.text === ')') continue;
    // «اللواء 444», "Brigade 166", «الفرقة 25»: a number in a unit's name is no count
    if (unitNumber(tokens, idx, n.tokenStart, n.tokenEnd)) continue;
    // right side: the anchor after the counted noun phrase ("Two members of the militant group
    // Ajnad Misr (Soldiers of Egypt) were killed", "4 security guards and 2 civilians killed",
    // «12 جنديا من الجيش قتلوا»): skip person nouns, auxiliaries, "of X", a parenthesis, a
    // coordinated second figure, and at most two other words; stop at other punctuation.
    let right: { kind: Anchor; at: number; end: number } | null = null;
    let free = 0;
    let depth = 0;
    for (let j = n.tokenEnd; j < Math.min(to, n.tokenEnd + 16); j++) {
      const an = idx.anchorAt.get(j);
      if (an && depth === 0) {
        right = { kind: an.kind, at: j, end: an.end };
        // "بين قتيل وجريح", "killed or wounded": a death word followed by a wound word.
        if (an.kind === 'death') {
          for (let q = an.end; q < Math.min(to, an.end + 3); q++) {
            if (idx.numberAt.has(q) || tokens[q]!.kind === 'punct') break;
            const an2 = idx.anchorAt.get(q);
            // «بين قتيل وجريح» shares the figure; «قتلوا وأصيب 20» has its own
            const ownFigure = an2 && (idx.numberAt.has(an2.end) || idx.numberAt.has(an2.end + 1));
            if (an2?.kind === 'wound' && !ownFigure) right = { kind: 'combined', at: j, end: an2.end };
          }
        }
        break;
      }
      const t = tokens[j]!;
      if (t.text === '(' || t.text === '[') {
        depth++;
        continue;
      }
      if (t.text === ')' || t.text === ']') {
        depth = Math.max(0, depth - 1);
        continue;
      }
      if (depth > 0) continue;
      // "Two soldiers, one an officer, were killed": skip an apposition between commas
      if ((t.text === ',' || t.text === '،') && APPOSITION.has(tokens[j + 1]?.norm ?? '')) {
        let close = -1;
        let inner = 0;
        for (let q = j + 2; q < Math.min(to, j + 16); q++) {
          const tq = tokens[q]!.text;
          if (tq === '(' || tq === '[') inner++;
          else if (tq === ')' || tq === ']') inner = Math.max(0, inner - 1);
          else if (inner > 0) continue;
          else if (tq === ',' || tq === '،') {
            close = q;
            break;
          } else if (tokens[q]!.kind === 'punct') break;
        }
        if (close > 0) {
          j = close;
          continue;
        }
      }
      if (t.kind === 'punct') break;
      if (t.kind === 'number') {
        // a coordinated figure: "4 guards and 2 civilians killed"
        if (hasForm(tokens[j - 1], rules.and) || /^و/.test(t.text)) continue;
        break;
      }
      if (
        isSkippable(j) ||
        idx.actorTokens.has(j) ||
        hasForm(t, rules.partitive) ||
        hasForm(t, rules.and) ||
        rules.between.includes(t.norm) ||
        t.stem === 'بين'
      ) {
        continue;
      }
      if (++free > 2) break;
    }
    let left: { kind: Anchor; at: number; end: number } | null = null;
    let update = false;
    // «قتل مسلحون من تنظيم داعش ثلاثة جنود»: the agent's name between verb and number does not count as distance
    let skipped = 0;
    for (let j = n.tokenStart - 1; j >= Math.max(from, n.tokenStart - 12); j--) {
      if (idx.tollUpdate.has(j)) update = true;
      const inActor = doc.lang === 'ar' && idx.actorTokens.has(j);
      if (inActor) skipped++;
      // "The death toll from Monday's bombing rose to 55": an update reaches back to its toll word
      if (n.tokenStart - j - skipped > (update ? 10 : 6)) break;
      const an = idx.anchorAt.get(j);
      // the figure inside the anchor phrase: «قتل مدنيان» (قتل* مدني*)
      if (an && an.end >= n.tokenEnd) {
        left = { kind: an.kind, at: j, end: an.end };
        break;
      }
      if (an && an.end <= n.tokenStart) {
        // «ارتفعت حصيلة قتلى التفجير إلى تسعة»: the update words stand before the anchor
        for (let q = j - 1; q >= Math.max(from, j - 4); q--) if (idx.tollUpdate.has(q)) update = true;
        if (an.end >= n.tokenStart - 3 - skipped || update) {
          left = { kind: an.kind, at: j, end: an.end };
          // «مقتل وإصابة 12», "killed or wounded 30": adjacent death and wound words share the figure
          const prev = idx.anchorAt.get(j - 2) ?? idx.anchorAt.get(j - 1);
          // «قتل جندي وجرح اثنان آخران»: a figure followed by "others" is a group of its own
          const others = /^(اخر|اخرين|اخرون|اخران|اخرين|others?)$/.test(tokens[n.tokenEnd]?.stem ?? '');
          if (an.kind === 'wound' && prev?.kind === 'death' && prev.end >= j - 1 && !others) {
            left = { kind: 'combined', at: j, end: an.end };
          }
        }
        break;
      }
      const t = tokens[j]!;
      if (t.kind === 'punct' && t.text !== '-') break;
    }
    let pick = right ?? left;
    if (right && left) pick = right.at - n.tokenEnd <= n.tokenStart - left.end ? right : left;
    // «استشهد مواطنان وأصيب ثلاثة», "killing two and wounding five": a casualty word joined by
    // "and" opens a clause of its own; the figure belongs to the word before it
    if (
      right &&
      left &&
      pick === right &&
      newClause(tokens, right.at, n.tokenEnd) &&
      n.tokenStart - left.end <= 1
    )
      pick = left;
    if (!pick) continue;
    if (negatedBefore(Math.min(pick.at, n.tokenStart))) continue;
    // "many victims", «عشرات الضحايا»: victims include the wounded, so a vague figure is no death count
    const vagueFigure = !!n.value.vague || n.value.kind === 'vague';
    if (vagueFigure && tokens[pick.at]!.forms.some((f) => VICTIM_NOUNS.has(f))) continue;
    usedAnchors.add(pick.at);
    const lo = Math.min(n.tokenStart, pick.at);
    const hi = Math.max(n.tokenEnd, pick.end);
    push(pick.kind, n.value.value, !!n.value.vague || n.value.kind === 'vague', lo, hi, update, pick.at);
    k = n.tokenEnd - 1;
  }

  // 2. Anchors without a number: a singular victim counts 1, a plural death noun 3 (vague).
  for (const [k, an] of idx.anchorAt) {
    if (k < from || an.end > to || usedAnchors.has(k) || an.kind === 'wound' || an.kind === 'arrest')
      continue;
    if (negatedBefore(k)) continue;
    const t = tokens[k]!;
    if (an.kind !== 'death') continue;
    // one victim: «مقتل جندي», "killing a soldier", "killed an armed Islamist militant",
    // "A senior commander ... was killed", "An officer was shot dead", "the army killed <Name>"
    // «استشهاد العريف أحمد ...، والجندي أول محمد ...، والجندي أول حسن ...»: named victims in a list
    const named = namedVictimList(tokens, an.end, to);
    if (named >= 2) {
      push('death', named, false, k, an.end, false);
      continue;
    }
    // "A nurse and her infant son were killed": two singular victims joined by "and"
    const pair = coordinatedSingulars(tokens, k, from);
    if (pair >= 2) {
      push('death', pair, false, k, an.end, false);
      continue;
    }
    if (
      singularAfter(tokens, an.end, to) ||
      singularBefore(tokens, k, from) ||
      singularInside(tokens, k, an.end) ||
      arabicSingular(tokens, k, an.end, from) ||
      namedVictimAfter(doc, idx, an.end, to)
    ) {
      push('death', 1, false, k, an.end, false, undefined, isAdditional(tokens, k, an.end, from, to));
      continue;
    }
    if (isSingularDeathNoun(t)) push('death', 1, false, k, an.end, false);
    else if (isPluralDeathNoun(t)) push('death', 3, true, k, an.end, false);
  }
  return out;
}

/** Military units whose names hold a number (اللواء 444، الفرقة 25، Brigade 166). */
const UNIT_NOUNS = new Set([
  'لواء',
  'فرقه',
  'كتيبه',
  'فوج',
  'سريه',
  'brigade',
  'division',
  'battalion',
  'regiment',
  'squadron',
  'corps',
]);

/** A digit figure that names a unit: after (or before) a unit noun, or inside an actor's name. */
function unitNumber(tokens: Tok[], idx: CountIndex, a: number, b: number): boolean {
  if (tokens[a]!.kind !== 'number') return false;
  if (idx.actorTokens.has(a)) return true;
  const unit = (t: Tok | undefined) => !!t && (UNIT_NOUNS.has(t.stem) || UNIT_NOUNS.has(t.norm));
  return unit(tokens[a - 1]) || unit(tokens[b]);
}

/** The casualty word at `at` is joined by "and" / و to what stands before it (a clause of its own). */
function newClause(tokens: Tok[], at: number, after: number): boolean {
  const t = tokens[at]!;
  if (/^[\u0600-\u06FF]/.test(t.text)) return t.prefix.startsWith('و');
  return at > after && tokens[at - 1]?.norm === 'and';
}

function classOfRole(role: string, fallback: VictimClass): VictimClass {
  if (role === 'civilians') return 'civilian';
  if (role === 'protesters' || role === 'rioters') return 'civilian';
  if (role === 'military' || role === 'police' || role === 'external') return 'armed';
  if (fallback !== 'unknown') return fallback;
  return 'militant';
}

const AR_SINGULAR_PERSON = new Set([
  'جندي',
  'شخص',
  'مدني',
  'طفل',
  'طفله',
  'امراه',
  'رجل',
  'شرطي',
  'ضابط',
  'عنصر',
  'مواطن',
  'مقاتل',
  'مسلح',
  'قيادي',
  'صحفي',
  'شاب',
  'فتاه',
  'حارس',
  'سايق',
  'راع',
  'عسكري',
  'مطلوب',
  'مواطنا',
  'ناشط',
  'طالب',
  'موظف',
  'امام',
  'شيخ',
  'قاض',
  'مسوول',
]);
const EN_SINGULAR_PERSON = new Set([
  'soldier',
  'person',
  'civilian',
  'child',
  'woman',
  'man',
  'policeman',
  'officer',
  'militant',
  'fighter',
  'journalist',
  'guard',
  'driver',
  'boy',
  'girl',
  'shepherd',
  'farmer',
  'student',
  'member',
  'commander',
  'leader',
  'resident',
  'teenager',
  'worker',
  'trader',
  'official',
  'merchant',
  'herder',
  'teacher',
  'doctor',
  'imam',
  'activist',
  'lawyer',
  'prisoner',
  'detainee',
  'pilgrim',
  'infant',
  'baby',
  'youth',
  'protester',
  'demonstrator',
  'conscript',
  'sergeant',
  'colonel',
  'captain',
  'lieutenant',
  'general',
  'major',
  'gunman',
  'assailant',
  'attacker',
  'rebel',
  'insurgent',
  'jihadist',
  'terrorist',
  'suspect',
  'nurse',
  'employee',
  'administrator',
  'minister',
  'governor',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'islamist',
  'tribesman',
  'villager',
  'pilot',
  'judge',
  'mayor',
  'chief',
  'cleric',
  'priest',
  'elder',
  'vendor',
  'nurse',
]);

type Tok = import('../text/types.js').Token;

const EN_DET_ONE = new Set(['a', 'an', 'one', 'another']);
const EN_PASSIVE_SINGULAR = new Set(['was', 'has', 'had', 'is']);

/** A singular victim right after the anchor: an Arabic singular noun, or a/an/one (+ up to 3 words) + a person noun. */
function singularAfter(tokens: Tok[], i: number, to: number): boolean {
  const t = tokens[i];
  if (!t || i >= to) return false;
  // «مقتل أحد عناصر الشرطة»: one of
  if (t.stem === 'احد' || t.norm === 'احد') return true;
  if (t.forms.some((f) => AR_SINGULAR_PERSON.has(f))) return true;
  // "killing him", "shot her dead"
  if (t.norm === 'him' || t.norm === 'her') return true;
  if (!EN_DET_ONE.has(t.norm)) {
    // note style without an article: "Militiamen kill merchant", "killed former local official"
    for (let j = i; j < Math.min(to, i + 4); j++) {
      const x = tokens[j]!;
      if (EN_SINGULAR_PERSON.has(x.norm)) return true;
      if (x.kind !== 'word' || !/^[a-z-]+$/.test(x.text)) return false;
    }
    return false;
  }
  for (let j = i + 1; j < Math.min(to, i + 9); j++) {
    if (EN_SINGULAR_PERSON.has(tokens[j]!.norm)) return true;
    // "a 47-year old university administrator"
    if (tokens[j]!.kind !== 'word' && tokens[j]!.kind !== 'number' && tokens[j]!.text !== '-') return false;
  }
  return false;
}

/** The victim named inside the killing phrase itself: «قتل مدني», «قتل مدنيا» (trigger قتل* مدني*). */
function singularInside(tokens: Tok[], k: number, end: number): boolean {
  for (let j = k + 1; j < end; j++) {
    const t = tokens[j]!;
    if (!/[\u0600-\u06FF]/.test(t.text)) return false;
    if (AR_SINGULAR_PERSON.has(t.stem) || AR_SINGULAR_PERSON.has(t.stem.replace(/ا$/, ''))) return true;
  }
  return false;
}

/**
 * Arabic singular victims: a pronoun on the killing word («مقتله», «لقي مصرعه», «اغتياله»), or a
 * singular person right before the verb («إن عسكريا تركيا قتل»).
 */
function arabicSingular(tokens: Tok[], k: number, end: number, from: number): boolean {
  const last = tokens[end - 1]!;
  if (!/[\u0600-\u06FF]/.test(last.text)) return false;
  if (
    /(ه|ها)$/.test(last.norm) &&
    last.forms.some((f) => f !== last.norm && last.norm.startsWith(f) && last.norm.length - f.length <= 2)
  ) {
    return true;
  }
  for (let j = k - 1; j >= Math.max(from, k - 3); j--) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return false;
    const base = t.stem.replace(/ا$/, '');
    if (AR_SINGULAR_PERSON.has(t.stem) || AR_SINGULAR_PERSON.has(base)) return true;
  }
  return false;
}

const AR_RANKS = new Set([
  'عريف',
  'رقيب',
  'ملازم',
  'نقيب',
  'رايد',
  'عقيد',
  'مقدم',
  'عميد',
  'لواء',
  'جندي',
  'شرطي',
  'وكيل',
]);

/** Victims named one by one after a killing word, each introduced by a rank or a person noun. */
function namedVictimList(tokens: Tok[], i: number, to: number): number {
  let n = 0;
  for (let j = i; j < Math.min(to, i + 40); j++) {
    const t = tokens[j]!;
    if (t.text === '.' || t.text === '؛') break;
    const head =
      j === i || t.prefix.startsWith('و') || tokens[j - 1]?.text === '،' || tokens[j - 1]?.text === ',';
    if (head && (AR_RANKS.has(t.stem) || AR_SINGULAR_PERSON.has(t.stem))) n++;
  }
  return n;
}

/** "A ... <person> [of X] was killed": a singular subject before a passive anchor. */
function singularBefore(tokens: Tok[], k: number, from: number): boolean {
  // the trigger itself may start with the auxiliary ("was killed")
  if (tokens[k]?.norm === 'was' || tokens[k]?.norm === 'is') k++;
  const aux = tokens[k - 1];
  // "leaving him dead"
  if (aux?.norm === 'him' || aux?.norm === 'her') return true;
  // "Policeman stabbed near El Geneina, died next day": the subject left out after a comma is the
  // sentence's own, a singular person without a figure
  if (aux && (aux.text === ',' || aux.text === ';')) {
    let s0 = k - 1;
    while (s0 > 0 && tokens[s0 - 1]!.sentence === aux.sentence) s0--;
    for (let j = s0; j < Math.min(k - 1, s0 + 3); j++) {
      const t = tokens[j]!;
      if (t.kind === 'number') return false;
      if (EN_SINGULAR_PERSON.has(t.norm)) return true;
    }
    return false;
  }
  // "A prisoner ... died", "A displaced man killed, another wounded": a singular subject right before
  if (!aux || !EN_PASSIVE_SINGULAR.has(aux.norm)) {
    for (let j = k - 1; j >= Math.max(from, k - 8); j--) {
      const t = tokens[j]!;
      if (t.kind === 'punct' || t.kind === 'number') return false;
      if (EN_SINGULAR_PERSON.has(t.norm)) {
        for (let q = j - 1; q >= Math.max(from, j - 4); q--) if (EN_DET_ONE.has(tokens[q]!.norm)) return true;
        return false;
      }
    }
    return false;
  }
  for (let j = k - 2; j >= Math.max(from, k - 14); j--) {
    const t = tokens[j]!;
    // "An IS commander, Abdullah Hamad Al-Ansari, was killed": an apposition between commas
    if (t.kind === 'punct' && t.text !== '-' && t.text !== ',') return false;
    if (EN_SINGULAR_PERSON.has(t.norm)) {
      for (let q = j - 1; q >= Math.max(from, j - 4); q--) if (EN_DET_ONE.has(tokens[q]!.norm)) return true;
    }
  }
  // "was killed" with no number anywhere before it in the clause: one person
  return true;
}

/** "the army shot and killed Attallah Abu Reteima": a capitalised name right after an active anchor. */
function namedVictimAfter(
  doc: import('../text/types.js').Doc,
  idx: CountIndex,
  i: number,
  to: number,
): boolean {
  if (doc.lang !== 'en' || idx.actorAt.has(i) || idx.actorAt.has(i + 1)) return false;
  const t = doc.tokens[i];
  const n = doc.tokens[i + 1];
  if (!t || i >= to || !/^[A-Z][a-z]+$/.test(t.text) || !n || !/^[A-Z]/.test(n.text)) return false;
  return true;
}

// «ضحايا» and "victims" include the wounded: they anchor a figure but are not deaths by themselves
const AR_PLURAL_DEATH = new Set(['قتلي', 'شهداء', 'جثث', 'اموات', 'وفيات']);
const EN_PLURAL_DEATH = new Set(['deaths', 'fatalities', 'bodies']);

const SINGULAR_DEATH = new Set(['body', 'corpse', 'جثه', 'جثمان', 'قتيل', 'قتيلا', 'شهيد', 'شهيدا']);

/** «عثر على جثة», "the body of a man": one death. */
function isSingularDeathNoun(t: Tok): boolean {
  return t.forms.some((f) => SINGULAR_DEATH.has(f));
}

function isPluralDeathNoun(t: import('../text/types.js').Token): boolean {
  return t.forms.some((f) => AR_PLURAL_DEATH.has(f)) || EN_PLURAL_DEATH.has(t.norm);
}

/** Words that open an apposition inside a counted noun phrase ("Two soldiers, one an officer, ..."). */
const APPOSITION = new Set([
  'one',
  'including',
  'among',
  'both',
  'all',
  'mostly',
  'most',
  'mainly',
  // "Six people, variously said to be civilians or fighters, were killed"
  'variously',
  'reportedly',
  'said',
  'believed',
  'identified',
  'منهم',
  'بينهم',
  'معظمهم',
  'أغلبهم',
  'اغلبهم',
]);

/** Nouns for victims that include the wounded. */
const VICTIM_NOUNS = new Set(['victims', 'victim', 'ضحايا', 'الضحايا']);

/**
 * "Another man was reported executed", «وقتل شخص آخر»: one more victim besides those already
 * counted (English "another" before the victim, Arabic «آخر» after it).
 */
function isAdditional(tokens: Tok[], k: number, end: number, from: number, to: number): boolean {
  for (let j = k - 1; j >= Math.max(from, k - 6); j--) {
    const t = tokens[j]!;
    if (t.kind === 'punct') break;
    if (t.norm === 'another') return true;
  }
  for (let j = end; j < Math.min(to, end + 3); j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct') break;
    if (/^(اخر|اخري)$/.test(t.stem) || t.norm === 'another') return true;
  }
  return false;
}

/**
 * Two or more singular victims joined by "and" before a plural passive ("An Indian nurse and her
 * infant son were killed"): their number. 0 when the clause holds a figure or no such list.
 */
function coordinatedSingulars(tokens: Tok[], k: number, from: number): number {
  let i = k;
  if (tokens[i]?.norm !== 'were') i = k - 1;
  if (tokens[i]?.norm !== 'were') return 0;
  // one victim per conjunct: "her infant son" is one person, however many person words it has
  let n = 0;
  let group = false;
  let joined = false;
  for (let j = i - 1; j >= Math.max(from, i - 12); j--) {
    const t = tokens[j]!;
    if ((t.kind === 'punct' && t.text !== ',') || t.kind === 'number') return 0;
    if (t.norm === 'and' || t.text === ',') {
      if (t.norm === 'and') joined = true;
      if (group) n++;
      group = false;
    } else if (EN_SINGULAR_PERSON.has(t.norm)) group = true;
    else if (EN_PLURAL_PERSON.has(t.norm)) return 0;
  }
  if (group) n++;
  return joined && n >= 2 ? n : 0;
}

const EN_PLURAL_PERSON = new Set([
  'soldiers',
  'people',
  'civilians',
  'men',
  'women',
  'children',
  'militants',
  'fighters',
  'policemen',
  'officers',
  'members',
  'others',
]);
