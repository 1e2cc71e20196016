// Every feature's part of the cross-organization isolation property (see isolation.ts here): each
// feature that holds an organization's data names its probes in its manifest (`isolation`).
import { features } from '../features/index.js';
import { buildTestApp, type TestApp } from './app.js';
import { makeIsolationWorld, type IsolationWorld, type Probe } from './isolation.js';

/** [feature name, probes] for every feature with probes, in the feature list's order. */
export async function isolationProbeSets(): Promise<[string, (w: IsolationWorld) => Promise<Probe[]>][]> {
  const sets: [string, (w: IsolationWorld) => Promise<Probe[]>][] = [];
  for (const f of features) if (f.isolation) sets.push([f.name, await f.isolation()]);
  return sets;
}

export async function allIsolationProbes(w: IsolationWorld): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const [, set] of await isolationProbeSets()) probes.push(...(await set(w)));
  return probes;
}

/** A fresh app with the isolation world and every feature's probes in it (for the tests). */
export async function isolationSetUp(): Promise<{ t: TestApp; w: IsolationWorld; probes: Probe[] }> {
  const t = await buildTestApp();
  const w = await makeIsolationWorld(t);
  return { t, w, probes: await allIsolationProbes(w) };
}
