import { type Gazetteer, loadGazetteer } from '../geo/index.js';
import { type ActorLexicon, defaultActorLexicon } from '../lexicon/actors.js';
import {
  type BackgroundEntry,
  type BackgroundLimits,
  loadBackground,
  loadBackgroundLimits,
} from '../lexicon/background.js';
import type { CueEntry } from '../lexicon/cues.js';
import { loadCues } from '../lexicon/cues.js';
import type { PhraseMatcher } from '../lexicon/matcher.js';
import { loadTriggers, type TriggerEntry } from '../lexicon/triggers.js';
import type { Lang } from '../text/types.js';

/** Per-language lexicons. */
export interface LangResources {
  triggers: PhraseMatcher<TriggerEntry>;
  cues: PhraseMatcher<CueEntry>;
  /** War, onset, toll and "since" words (resources/background/). */
  background: PhraseMatcher<BackgroundEntry>;
}

/** Everything the extractor needs, loaded once and shared read-only by every article. */
export interface ExtractContext {
  gazetteer: Gazetteer;
  actors: ActorLexicon;
  lang: Record<Lang, LangResources>;
  /** Limits of background totals and of one event's toll (resources/background/limits.json). */
  limits: BackgroundLimits;
}

export function loadContext(): ExtractContext {
  const lang = {} as Record<Lang, LangResources>;
  for (const l of ['ar', 'en'] as const) {
    lang[l] = {
      triggers: loadTriggers(l).matcher,
      cues: loadCues(l).matcher,
      background: loadBackground(l).matcher,
    };
  }
  return { gazetteer: loadGazetteer(), actors: defaultActorLexicon(), lang, limits: loadBackgroundLimits() };
}
