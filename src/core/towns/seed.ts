// Loads the Aleppo communities shipped with the code (src/core/towns/data); production never reads
// the shared reference data the CSV was generated from.
import fs from 'node:fs';
import type { Db } from '../db/index.js';
import { importGazetteer, type GazetteerImport } from './queries.js';

export const ALEPPO_SEED = new URL('./data/aleppo-communities.csv', import.meta.url);

export async function loadAleppoSeed(db: Db, now: Date): Promise<GazetteerImport> {
  const result = await importGazetteer(db, fs.readFileSync(ALEPPO_SEED, 'utf8'), { now });
  if (result.rejected.length > 0) {
    const first = result.rejected[0];
    throw new Error(`Aleppo seed rejected (${result.rejected.length} lines), line ${first.line}: ${first.reason}`);
  }
  return result;
}
