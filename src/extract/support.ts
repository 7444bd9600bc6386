/**
 * Strikes told as the support of another action: «سيطرت قوات النظام بدعم من الطيران الروسي على
 * بلدة ...», «بمساعدة غارات التحالف», «بغطاء جوي من الطائرات الحربية», «تقدمت القوات مدعومة بغارات
 * روسية وسيطرت على ...», "Government forces, backed by Russian air strikes, captured X", "with air
 * support from Russian warplanes". The strike is the means of that action, not an event of its
 * own, when the action is itself an event of the same clause (before or after the phrase).
 *
 * A strike that reports deaths or injuries of its own inside the phrase ("backed by air strikes
 * that killed 12 civilians") stays an event; so does any strike outside such a phrase ("...,
 * while Russian air strikes killed 12 civilians in Y").
 */
import { eventTypeOf } from '../model/taxonomy.js';
import type { Doc, Token } from '../text/types.js';
import type { CueHit, TriggerHit } from './types.js';

/** The remote strikes that can support a ground action. */
const SUPPORT_TYPES = new Set(['Air/drone strike', 'Shelling/artillery/missile attack']);

/** Words that make the strikes after them the means of another action (normalised). */
const MARKERS: string[][] = [
  ['بمساعده'],
  ['بدعم'],
  ['باسناد'],
  ['بغطاء'],
  ['غطاء'],
  ['بمسانده'],
  ['بموازره'],
  ['مدعومه'],
  ['مدعوما'],
  ['مدعومين'],
  ['مدعومون'],
  ['مسنوده'],
  ['backed', 'by'],
  ['supported', 'by'],
  ['aided', 'by'],
  ['assisted', 'by'],
  ['covered', 'by'],
  ['help', 'of'],
  ['support', 'of'],
  ['support', 'from'],
  ['cover', 'of'],
  ['cover', 'from'],
];

/**
 * Words that make the strikes after them the cause of another action, not its support: «انسحب
 * المتمردون على وقع ضربات المقاومة وطيران التحالف» — the strikes are part of that action, but
 * their owner is its other side, not an ally.
 */
const CAUSE_MARKERS: string[][] = [['علي', 'وقع']];

/** How far before a strike its marker may stand ("backed by Russian and Syrian air strikes"). */
const REACH = 5;

/** Words that open another clause: what follows them is not the supported action's clause. */
const CLAUSE_OPENERS = new Set(['فيما', 'بينما', 'while', 'whereas', 'meanwhile']);
const SENTENCE_BREAKS = new Set(['؛', ';', '.']);

/** Casualty words a strike may report for itself. */
const CASUALTY_TYPES = new Set(['KILL', 'WOUND']);
const CASUALTY_CUES = new Set(['death_noun', 'wound_noun']);

function markerAt(tokens: Token[], k: number, markers: string[][]): boolean {
  return markers.some((seq) =>
    seq.every((w, n) => tokens[k + n]?.forms.includes(w) || tokens[k + n]?.norm === w),
  );
}

function clauseBetween(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (SENTENCE_BREAKS.has(t.text) || CLAUSE_OPENERS.has(t.norm)) return true;
  }
  return false;
}

/** A strike told as support, and the words that name it with its owner. */
export interface SupportPhrase {
  strike: TriggerHit;
  /**
   * Tokens [start, end): from the marker to the strike and the first word after it. A name that
   * starts there is the strike's owner («بمساعدة غارات التحالف العربي», "backed by Russian air
   * strikes"): an ally of the supported action's actor, not a side of it.
   */
  start: number;
  end: number;
  /** The strike's owner is an ally of the action's actor (not for «على وقع ضربات ...»). */
  ally: boolean;
}

/**
 * The strikes of one sentence (its triggers, in text order) that support another action of
 * their clause. `live` are the strikes that report an event here (not negated, hypothetical,
 * grievances); `strong` says whether a trigger can carry a frame on its own. The supported
 * action need not be live itself: the support of a past or denied action is no event either.
 */
export function supportingStrikes(
  doc: Doc,
  triggers: readonly TriggerHit[],
  cues: readonly CueHit[],
  live: (t: TriggerHit) => boolean,
  strong: (t: TriggerHit) => boolean,
): SupportPhrase[] {
  const tokens = doc.tokens;
  // each strike in a support phrase, with where its phrase starts and whether it names an ally
  const phrases = new Map<TriggerHit, { start: number; ally: boolean }>();
  for (const t of triggers) {
    if (!SUPPORT_TYPES.has(t.entry.subEventType) || !live(t)) continue;
    const sentStart = doc.sentences[t.sentence]!.tokenStart;
    for (let k = t.tokenStart - 1; k >= Math.max(sentStart, t.tokenStart - REACH); k--) {
      const tok = tokens[k]!;
      if (tok.kind === 'punct') break;
      // a strike joined to a supporting one ("backed by air strikes and artillery") supports too
      const joined = [...phrases].find(([s]) => s.tokenStart <= k && k < s.tokenEnd);
      if (joined) {
        phrases.set(t, joined[1]);
        break;
      }
      if (markerAt(tokens, k, MARKERS) || markerAt(tokens, k, CAUSE_MARKERS)) {
        phrases.set(t, { start: k, ally: markerAt(tokens, k, MARKERS) });
        break;
      }
    }
  }
  const out: SupportPhrase[] = [];
  for (const [t, { start, ally }] of phrases) {
    const end = phraseEnd(
      tokens,
      t,
      doc.sentences[t.sentence]!.tokenEnd,
      (o) => isAction(o) && !phrases.has(o),
      triggers,
    );
    const main = triggers.find(
      (o) =>
        !phrases.has(o) &&
        (o.tokenEnd <= start || o.tokenStart >= end) &&
        isAction(o) &&
        strong(o) &&
        !clauseBetween(tokens, Math.min(o.tokenEnd, end), Math.max(o.tokenStart, start)),
    );
    if (!main) continue;
    // the strike's own toll, inside its phrase: an event of its own
    const inPhrase = (r: { tokenStart: number }) => r.tokenStart >= t.tokenEnd && r.tokenStart < end;
    const toll =
      triggers.some((o) => CASUALTY_TYPES.has(o.entry.subEventType) && inPhrase(o)) ||
      cues.some((c) => CASUALTY_CUES.has(c.entry.kind) && inPhrase(c));
    if (!toll) out.push({ strike: t, start, end: Math.min(end, t.tokenEnd + 1), ally });
  }
  return out;
}

/**
 * A word that reports an action: an event of a type of its own, or an attack ("attacked army
 * positions", typed by its target). A death or injury is no action of its own ("killed").
 */
function isAction(t: TriggerHit): boolean {
  return t.entry.subEventType === 'ATTACK' || (!t.entry.pseudo && !!eventTypeOf(t.entry.subEventType));
}

/**
 * The support phrase ends at the next punctuation or clause opener, or at the next action word
 * (`action`): «بدعم من الطيران الروسي» | «سيطرت ...».
 */
function phraseEnd(
  tokens: Token[],
  t: TriggerHit,
  sentEnd: number,
  action: (o: TriggerHit) => boolean,
  triggers: readonly TriggerHit[],
): number {
  let end = sentEnd;
  for (let k = t.tokenEnd; k < sentEnd; k++) {
    const tok = tokens[k]!;
    if ((tok.kind === 'punct' && tok.text !== '-') || CLAUSE_OPENERS.has(tok.norm)) {
      end = k;
      break;
    }
  }
  for (const o of triggers)
    if (o.tokenStart >= t.tokenEnd && o.tokenStart < end && action(o)) end = o.tokenStart;
  return end;
}
