import { type EventType, eventTypeOf } from '../model/taxonomy.js';
import type { ActorMention, TriggerHit, VictimClass } from './types.js';

/** Pseudo sub-event types of the trigger lexicon: reports of deaths, wounds, attacks, claims. */
export const PSEUDO = new Set(['KILL', 'WOUND', 'ATTACK', 'CLAIM']);

/** When weights tie, the more specific sub-event type wins. */
const PRIORITY = [
  'Chemical weapon',
  'Suicide bomb',
  'Air/drone strike',
  'Remote explosive/landmine/IED',
  'Grenade',
  'Shelling/artillery/missile attack',
  'Excessive force against protesters',
  'Protest with intervention',
  'Violent demonstration',
  'Mob violence',
  'Government regains territory',
  'Non-state actor overtakes territory',
  'Sexual violence',
  'Abduction/forced disappearance',
  'Attack',
  'Armed clash',
  'Peaceful protest',
  'Disrupted weapons use',
  'Looting/property destruction',
  'Arrests',
  'Agreement',
  'Non-violent transfer of territory',
  'Headquarters or base established',
  'Change to group/activity',
  'Other',
];
const RANK = new Map(PRIORITY.map((s, i) => [s, i]));

export interface Typing {
  eventType: EventType;
  subEventType: string;
  main: TriggerHit;
}

const VIOLENT: EventType[] = ['Battles', 'Explosions/Remote violence', 'Violence against civilians'];

const ARMED_INTER = new Set([1, 2, 3, 4, 8]);

/**
 * Decides the sub-event type of a group of triggers, with the frame's context: the strongest
 * specific trigger wins (ties by specificity); political violence outranks strategic developments
 * reported alongside; a protest with intervention or deaths becomes the matching protest type; a
 * generic attack or killing is a Battle when the other side is armed, Violence against civilians
 * when it is unarmed.
 */
export function classify(
  triggers: TriggerHit[],
  ctx: {
    target: ActorMention | null;
    agent: ActorMention | null;
    victimClass: VictimClass;
    armedTarget: boolean;
    civilianTarget: boolean;
    hasDeaths: boolean;
    /** Protesters, students, residents are named in the clause. */
    protesterNoun?: boolean;
  },
): Typing | null {
  const specific = triggers.filter(
    (t) => !PSEUDO.has(t.entry.subEventType) && eventTypeOf(t.entry.subEventType),
  );
  const score = (t: TriggerHit) => {
    const et = eventTypeOf(t.entry.subEventType)!;
    // violence reported with a strategic development (killed and arrested) is the event
    return t.entry.weight + (VIOLENT.includes(et) ? 0.3 : 0) + (et === 'Riots' ? 0.05 : 0);
  };
  // killings reported with arrests or seizures: the violence is the event
  const lethal = triggers.some(
    (t) => (t.entry.subEventType === 'KILL' || t.entry.subEventType === 'ATTACK') && t.entry.weight >= 0.6,
  );
  const onlyStrategic =
    specific.length > 0 &&
    specific.every((t) => eventTypeOf(t.entry.subEventType) === 'Strategic developments');
  if (onlyStrategic && lethal && ctx.hasDeaths) {
    return classify(
      triggers.filter((t) => PSEUDO.has(t.entry.subEventType)),
      ctx,
    );
  }
  if (specific.length) {
    const best = [...specific].sort(
      (a, b) =>
        score(b) - score(a) ||
        (RANK.get(a.entry.subEventType) ?? 99) - (RANK.get(b.entry.subEventType) ?? 99),
    )[0]!;
    let sub = best.entry.subEventType;
    let et = eventTypeOf(sub)!;
    const subs = new Set(specific.map((t) => t.entry.subEventType));
    // demonstrators who burn tyres, throw stones or turn violent make it a riot
    const riot = specific.find((t) => eventTypeOf(t.entry.subEventType) === 'Riots' && t.entry.weight >= 0.4);
    if (et === 'Protests' && riot && !subs.has('Excessive force against protesters')) {
      sub = riot.entry.subEventType;
      et = 'Riots';
    }
    if (et === 'Protests') {
      if (ctx.hasDeaths || subs.has('Excessive force against protesters'))
        sub = 'Excessive force against protesters';
      else if (subs.has('Protest with intervention') || subs.has('Arrests'))
        sub = 'Protest with intervention';
    }
    if (subs.has('Suicide bomb') && et === 'Explosions/Remote violence') sub = 'Suicide bomb';
    et = eventTypeOf(sub)!;
    // protesters, students or residents fighting the police or each other: a riot
    const crowd = (m: ActorMention | null) => !!m?.actor && (m.actor.inter === 5 || m.actor.inter === 6);
    const armedGroup = (m: ActorMention | null) => !!m?.actor && [2, 3, 4].includes(m.actor.inter);
    const crowdNoun = !!ctx.protesterNoun && !armedGroup(ctx.agent) && !armedGroup(ctx.target);
    if (sub === 'Armed clash' && (crowd(ctx.agent) || crowd(ctx.target) || crowdNoun)) {
      sub = 'Violent demonstration';
      et = 'Riots';
    }
    return { eventType: et, subEventType: sub, main: best };
  }
  const pseudo = triggers.filter((t) => t.entry.subEventType !== 'CLAIM');
  if (!pseudo.length) return null;
  const main = [...pseudo].sort((a, b) => b.entry.weight - a.entry.weight)[0]!;
  if (targetIsCivilian(ctx) && !ctx.armedTarget) {
    return { eventType: 'Violence against civilians', subEventType: 'Attack', main };
  }
  if (targetIsArmed(ctx) || ctx.armedTarget)
    return { eventType: 'Battles', subEventType: 'Armed clash', main };
  // Unknown victims: state forces killing someone are fighting; anyone else is attacking people.
  if (ctx.agent?.actor && ARMED_INTER.has(ctx.agent.actor.inter) && ctx.agent.actor.role !== 'unidentified') {
    if (ctx.agent.actor.inter === 1 || ctx.agent.actor.inter === 8)
      return { eventType: 'Battles', subEventType: 'Armed clash', main };
  }
  return { eventType: 'Violence against civilians', subEventType: 'Attack', main };
}

function targetIsCivilian(ctx: {
  target: ActorMention | null;
  victimClass: VictimClass;
  civilianTarget: boolean;
}) {
  if (ctx.target?.actor) return ctx.target.actor.inter === 7 || ctx.target.actor.inter === 6;
  return ctx.victimClass === 'civilian' || (ctx.civilianTarget && ctx.victimClass === 'unknown');
}

function targetIsArmed(ctx: { target: ActorMention | null; victimClass: VictimClass }) {
  if (ctx.target?.actor) return ARMED_INTER.has(ctx.target.actor.inter);
  return ctx.victimClass === 'armed' || ctx.victimClass === 'militant';
}
