// Slots where features add to pages they do not own: the home page, a town's page, an
// organization's profile, and a person's start page (what waits for them after sign-in). The
// owning page renders every section in order; a section returns null when it has nothing to show.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';

export type Slot = 'home' | 'town' | 'organization' | 'start';
export type Section = {
  slot: Slot;
  order: number;
  /** key: '' for home and start, the P-code for a town, the organization id as a string */
  load: (req: FastifyRequest, key: string) => Promise<VNode | null>;
};

let sections: Section[] = [];

/** The features' sections, set by the app from the feature list. */
export function installSections(list: Section[]): void {
  sections = [...list].sort((a, b) => a.order - b.order);
}

export async function loadSections(slot: Slot, req: FastifyRequest, key: string): Promise<VNode[]> {
  const out = await Promise.all(sections.filter((s) => s.slot === slot).map((s) => s.load(req, key)));
  return out.filter((v): v is VNode => v !== null);
}
