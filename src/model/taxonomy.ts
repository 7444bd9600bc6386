/** The ACLED-compatible taxonomy (../shared/spec/acled-taxonomy.md): event types, sub-event types, disorder types. */

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SUB_EVENT_TYPES: Record<EventType, readonly string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

const SUB_TO_TYPE = new Map<string, EventType>();
for (const t of EVENT_TYPES) for (const s of SUB_EVENT_TYPES[t]) SUB_TO_TYPE.set(s, t);

export function eventTypeOf(subEventType: string): EventType | undefined {
  return SUB_TO_TYPE.get(subEventType);
}

export function isSubEventType(s: string): boolean {
  return SUB_TO_TYPE.has(s);
}

export type DisorderType = 'Political violence' | 'Demonstrations' | 'Strategic developments';

export function disorderTypeOf(t: EventType): DisorderType {
  if (t === 'Protests' || t === 'Riots') return 'Demonstrations';
  if (t === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/** ACLED actor type codes (inter1/inter2). */
export const INTER = {
  none: 0,
  state: 1,
  rebel: 2,
  political_militia: 3,
  identity_militia: 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  external: 8,
} as const;

/** The interaction code: the two inter codes joined, lower first (10 for a one-sided action by state forces). */
export function interactionOf(inter1: number, inter2: number): number {
  if (!inter2) return inter1 * 10;
  if (!inter1) return inter2 * 10;
  const [a, b] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return a * 10 + b;
}
