// Every feature's part of the cross-organization isolation property (see core/test/isolation.ts).
// A new feature that holds an organization's data adds its probes here.
import { buildTestApp, type TestApp } from '../core/test/app.js';
import { makeIsolationWorld, type IsolationWorld, type Probe } from '../core/test/isolation.js';
import { accountsProbes } from './accounts/isolation.js';
import { coordinationProbes } from './coordination/isolation.js';
import { electionsProbes } from './elections/isolation.js';
import { forumProbes } from './forum/isolation.js';
import { organizationsProbes } from './organizations/isolation.js';
import { publishingProbes } from './publishing/isolation.js';
import { programmesProbes } from './programmes/isolation.js';
import { servicesProbes } from './services/isolation.js';

export const isolationProbeSets: [string, (w: IsolationWorld) => Promise<Probe[]>][] = [
  ['accounts', accountsProbes],
  ['coordination', coordinationProbes],
  ['elections', electionsProbes],
  ['forum', forumProbes],
  ['organizations', organizationsProbes],
  ['publishing', publishingProbes],
  ['programmes', programmesProbes],
  ['services', servicesProbes],
];

export async function allIsolationProbes(w: IsolationWorld): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (const [, set] of isolationProbeSets) probes.push(...(await set(w)));
  return probes;
}

/** A fresh app with the isolation world and every feature's probes in it (for the tests). */
export async function isolationSetUp(): Promise<{ t: TestApp; w: IsolationWorld; probes: Probe[] }> {
  const t = await buildTestApp();
  const w = await makeIsolationWorld(t);
  return { t, w, probes: await allIsolationProbes(w) };
}
