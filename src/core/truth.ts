// Compiled truth of a condition (see conditions/truth.ts).
export { compileTruth, type TruthOf } from './conditions/truth.js';
