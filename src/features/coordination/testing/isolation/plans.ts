// Isolation probes of strategic plans: a plan and its document, plans under review by a chosen
// executive director (the reviewed version, its title, document and comments), versions not under
// review, and what the organizations' exports hold.
import { who } from '../../../../testing/isolation.js';
import type { Kit } from './kit.js';
import { addComment, addPlanVersion, openReview, type PlanVersionInput } from '../../plans/actions.js';
import { idFrom, PDF, postMultipart } from '../test-helpers.js';
import type { Meetings } from './meetings.js';

export async function planProbes(k: Kit, { meetingNet }: Meetings): Promise<void> {
  const { t, db, users, c, orgA, orgB, orgC, now, mk, probes, staffA, orgIdOf, expectOk, count } = k;
  // ——— strategic plans, versions, reviews ———
  const version = (vision: string): PlanVersionInput => ({
    vision,
    mission: '',
    goals: '',
    objectives: '',
    activities: '',
    note: '',
    file: null,
  });
  const planLists = ['/plans', `/plans?org=${orgA}`, `/plans?org=${orgB}`, `/plans?org=${orgC}`];
  /** A plan uploaded through the form (its first version and document): the plan's and the version's ids. */
  const uploadPlan = async (
    client: typeof c.adminA,
    orgId: number,
    title: string,
    vision: string,
    file: { filename: string; data: Buffer },
    what: string,
  ) => {
    const { file: _none, ...fields } = version(vision);
    const res = expectOk(
      await postMultipart(t, client, `/plans/new?org=${orgId}`, { title, ...fields }, { file }),
      what,
    );
    const planId = idFrom(res.headers.location);
    const v1 = await db
      .selectFrom('coord_plan_versions')
      .select('id')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return { planId, v1 };
  };
  {
    const { planId, v1 } = await uploadPlan(
      c.adminA,
      orgA,
      `خطة ${mk('PLANA')}`,
      'kwplana',
      { filename: 'plan.pdf', data: PDF(mk('PLANFILEA')) },
      'plan',
    );
    probes.push({
      name: "coordination: A's strategic plan",
      marker: mk('PLANA'),
      readers: staffA,
      pages: [`/plans/${planId}`],
      lists: planLists,
      write: {
        writers: staffA,
        send: (client, n) =>
          client.post(`/plans/${planId}/versions`, {
            vision: `kwplana ${n}`,
            mission: '',
            goals: '',
            objectives: '',
            activities: '',
            note: '',
          }),
        state: () => count('coord_plan_versions', 'plan_id', planId),
      },
    });
    probes.push({
      name: "coordination: A's strategic plan (its document)",
      marker: mk('PLANFILEA'),
      readers: staffA,
      pages: [`/plans/${planId}/versions/${v1.id}/file`],
    });
  }
  // A's plan reviewed by C's executive director, B's by A's: the reviewer reads, the reviewer's
  // colleagues do not.
  for (const [org, reviewer] of [
    ['A', 'adminC'],
    ['B', 'adminA'],
  ] as const) {
    const orgId = orgIdOf[org];
    const owner = org === 'A' ? users.adminA : users.adminB;
    const { planId, v1 } = await uploadPlan(
      org === 'A' ? c.adminA : c.adminB,
      orgId,
      `خطة ${mk(`PLANREV${org}`)}`,
      mk(`PLANV1${org}`),
      { filename: `${mk(`PLANFNAME${org}`)}.pdf`, data: PDF(mk(`PLANREVFILE${org}`)) },
      'reviewed plan',
    );
    // B's plan is reviewed at the network's consultative meeting, whose other guests must not see it.
    const reviewId = await openReview(
      db,
      { id: planId, organization_id: orgId },
      v1.id,
      [users[reviewer]],
      false,
      org === 'B' ? meetingNet : null,
      owner,
      now,
    );
    await addPlanVersion(db, planId, orgId, version(mk(`PLANV2${org}`)), owner, now);
    const review = { id: reviewId, organization_id: orgId };
    await addComment(
      db,
      review,
      { section: 'vision', parentId: null, body: mk(`REVCOMMENT${org}`) },
      users[reviewer],
      now,
    );
    const comment = await db
      .selectFrom('coord_review_comments')
      .select('id')
      .where('review_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    const reviewers = who.any(who.staffOf(org), who.is(reviewer));
    probes.push({
      name: `coordination: review of ${org}'s plan (the reviewed version; reviewer ${reviewer})`,
      marker: mk(`PLANV1${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}`],
      lists: planLists,
    });
    probes.push({
      name: `coordination: ${org}'s reviewed plan (its title)`,
      marker: mk(`PLANREV${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}`],
      lists: [...planLists, `/meetings/${meetingNet}`],
    });
    probes.push({
      name: `coordination: ${org}'s reviewed plan (the reviewed document)`,
      marker: mk(`PLANREVFILE${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}/file`],
    });
    // The reviewer's organization exports its own plans, not the ones its people review.
    probes.push({
      name: `coordination: ${org}'s export (a plan reviewed by ${reviewer})`,
      marker: mk(`PLANFNAME${org}`),
      readers: who.adminOf(org),
      pages: [`/workspace/${orgId}/export`],
      lists: [orgA, orgB, orgC].filter((o) => o !== orgId).map((o) => `/workspace/${o}/export`),
    });
    probes.push({
      name: `coordination: ${org}'s plan version that is not under review`,
      marker: mk(`PLANV2${org}`),
      readers: who.staffOf(org),
      pages: [`/plans/${planId}`],
      lists: [...planLists, `/plans/reviews/${reviewId}`],
    });
    probes.push({
      name: `coordination: review comments on ${org}'s plan (answers: the organization and the reviewer)`,
      marker: mk(`REVCOMMENT${org}`),
      readers: reviewers,
      pages: [`/plans/reviews/${reviewId}`],
      lists: planLists,
      write: {
        writers: reviewers,
        send: (client, n) =>
          client.post(`/plans/reviews/${reviewId}/comments`, {
            section: 'vision',
            body: `answer ${n}`,
            parent_id: String(comment.id),
          }),
        state: () => count('coord_review_comments', 'review_id', reviewId),
      },
    });
  }
}
