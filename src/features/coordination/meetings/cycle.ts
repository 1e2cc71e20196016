// "Launch a meeting cycle": the network's founding pattern as a template. One preparatory
// meeting at each member (all its staff, at its office, on consecutive days), then the general
// meeting of all members that sets the working mechanisms, then the consultative meeting of the
// executive directors and representatives that reviews the strategic plans. All linked by a cycle.
import type { Db } from '../../../core/db/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { addDays, damascusLocalToDate, HOUR } from '../../../core/time.js';
import { activeOrganizations } from '../workspace/queries.js';
import { createCycle, createMeeting, type MeetingInput } from './actions.js';
import { directorsAndRepresentatives } from './queries.js';

export type CycleTexts = {
  preparatoryTitle: (org: string) => string;
  preparatoryAgenda: string[];
  generalTitle: string;
  generalAgenda: string[];
  consultativeTitle: string;
  consultativeAgenda: string[];
  orgName: (o: { name_ar: string; name_en: string }) => string;
};

export type CycleInput = {
  title: string;
  preparatoryFrom: string;
  preparatoryTime: string;
  generalAt: string;
  generalTown: string;
  generalPlace: string;
  consultativeAt: string;
  consultativeUrl: string | null;
};

/** A meeting of the template: no host, in a town, for invitees, no quorum — unless said otherwise. */
export function templateMeeting(
  over: Partial<MeetingInput> & Pick<MeetingInput, 'kind' | 'title'>,
  start: Date,
  hours: number,
): MeetingInput {
  return {
    description: '',
    host_org_id: null,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + hours * HOUR).toISOString(),
    place_kind: 'town',
    place_org_id: null,
    town_pcode: null,
    place_detail: '',
    online_url: null,
    visibility: 'invitees',
    public_summary: '',
    quorum_orgs: 0,
    ...over,
  };
}

export async function launchCycle(
  db: Db,
  networkId: number,
  input: CycleInput,
  texts: CycleTexts,
  userId: number | null,
  now: Date,
): Promise<{ cycleId: number; meetingIds: number[] }> {
  const orgs = await activeOrganizations(db, networkId);
  const cycleId = await createCycle(db, networkId, input.title, userId, now);
  const create = (m: MeetingInput, orgIds: number[], userIds: number[], agenda: string[]) =>
    createMeeting(
      db,
      networkId,
      m,
      { orgIds, userIds },
      agenda.map((title) => ({ title })),
      userId,
      now,
      cycleId,
    );
  const me = userId ? [userId] : [];
  const quorum = Math.floor(orgs.length / 2) + 1;
  const meetingIds: number[] = [];
  // Days skip Fridays, the weekly day off.
  let day = input.preparatoryFrom;
  for (const org of orgs) {
    while (new Date(`${day}T12:00:00Z`).getUTCDay() === 5) day = addDays(day, 1);
    const start = damascusLocalToDate(`${day}T${input.preparatoryTime}`)!;
    const title = texts.preparatoryTitle(texts.orgName(org));
    const prep = {
      kind: 'preparatory',
      title,
      host_org_id: org.id,
      place_kind: 'office',
      place_org_id: org.id,
    } as const;
    meetingIds.push(await create(templateMeeting(prep, start, 2), [org.id], me, texts.preparatoryAgenda));
    day = addDays(day, 1);
  }
  const general = templateMeeting(
    {
      kind: 'general',
      title: texts.generalTitle,
      town_pcode: input.generalTown,
      place_detail: input.generalPlace,
      visibility: 'network',
      quorum_orgs: quorum,
    },
    new Date(input.generalAt),
    4,
  );
  meetingIds.push(
    await create(
      general,
      orgs.map((o) => o.id),
      [],
      texts.generalAgenda,
    ),
  );
  const online = input.consultativeUrl;
  const consultative = templateMeeting(
    {
      kind: 'consultative',
      title: texts.consultativeTitle,
      place_kind: online ? 'online' : 'town',
      town_pcode: online ? null : input.generalTown,
      place_detail: online ? '' : input.generalPlace,
      online_url: online,
      quorum_orgs: quorum,
    },
    new Date(input.consultativeAt),
    3,
  );
  const directors = await directorsAndRepresentatives(db, networkId);
  meetingIds.push(await create(consultative, [], [...new Set([...directors, ...me])], texts.consultativeAgenda));
  return { cycleId, meetingIds };
}

/** The template's texts in a translator's language. */
export function cycleTexts(t: (key: never, params?: never) => string, locale: string): CycleTexts {
  const tt = t as unknown as (key: string, params?: Record<string, string>) => string;
  return {
    preparatoryTitle: (org) => tt('coordination.cycle.tpl.preparatoryTitle', { org }),
    preparatoryAgenda: [1, 2, 3, 4].map((n) => tt(`coordination.cycle.tpl.preparatoryAgenda${n}`)),
    generalTitle: tt('coordination.cycle.tpl.generalTitle'),
    generalAgenda: [1, 2, 3, 4].map((n) => tt(`coordination.cycle.tpl.generalAgenda${n}`)),
    consultativeTitle: tt('coordination.cycle.tpl.consultativeTitle'),
    consultativeAgenda: [1, 2, 3].map((n) => tt(`coordination.cycle.tpl.consultativeAgenda${n}`)),
    orgName: (o) => localized(o, 'name', locale),
  };
}
