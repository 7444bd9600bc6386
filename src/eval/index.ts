/** The evaluation subsystem: scoring extractor output against gold (../shared/eval/README.md). */
export { actorIsOneOf, actorKeys, looseActorMatch, sameActor } from './actors.js';
export { distanceKm, haversineKm } from './geo.js';
export { type Gold, type GoldMode, goldMode, type Prediction, parseGold, parsePredictions } from './gold.js';
export { JsonlError, parseJsonl, readJsonl } from './jsonl.js';
export { type Calibration, HIGH_CONFIDENCE, type Metric, type SetReport } from './metrics.js';
export { placeInGold, placeKey, samePlace } from './names.js';
export { type ExtractorLike, evaluate, overallCalibration, parseInputs, runExtractor } from './run.js';
export { loadSeed, scoreSeed } from './seed.js';
export { formatMetric, metricsTable } from './table.js';
