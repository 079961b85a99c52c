/**
 * Gradflow's spacing, as in src/store/derive.ts (which imports the layout worker, so plain Node cannot load
 * it); tests/unit/layout.quality.test.ts keeps the two equal.
 */
export const LAYER_GAP = 190;
export const ROW_GAP = 96;
