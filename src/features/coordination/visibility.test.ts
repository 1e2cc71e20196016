// The visibility matrix: every coordination resource × {own organization, other organization,
// network admin, reviewer, anonymous}. "Seen" means the page answers 200 (or, for the lists, the
// item appears); anything else must be a 404 — or, for anonymous people on member pages, the
// sign-in redirect — and must not contain the item's text.
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/app.js';
import { idFrom, nameRole, PDF, postMultipart, useWorld, type World } from './testing/test-helpers.js';
import { DAY, HOUR } from '../../core/time.js';
import { createMeeting, theRow, wallTime } from './test-fixtures.js';

type Who = 'own' | 'other' | 'networkAdmin' | 'reviewer' | 'anonymous';
const everyone: Who[] = ['own', 'other', 'networkAdmin', 'reviewer', 'anonymous'];

const s = useWorld({ setUp });
const ids: Record<string, number> = {};
const clientOf = (who: Who) =>
  ({
    own: s.w.c.staffA,
    other: s.w.c.adminB,
    networkAdmin: s.w.c.netAdmin,
    reviewer: s.w.c.adminC,
    anonymous: s.w.c.anonymous,
  })[who];

async function setUp(t: TestApp, w: World) {
  const { c } = w;
  const local = (ms: number) => wallTime(t, ms);

  // C's admin is an executive director: the reviewer A will choose.
  await nameRole(w, 'adminC', w.users.adminC, { executive_director: 'on' });

  // Workspace items of A with each sharing.
  await c.adminA.get('/workspace');
  for (const [key, sharing, orgs] of [
    ['itemPrivate', 'private', []],
    ['itemOrgs', 'orgs', [String(w.orgB)]],
    ['itemNetwork', 'network', []],
    ['itemPublic', 'public', []],
  ] as const) {
    const res = await c.adminA.post(`/workspace/${w.orgA}/notes`, { title: `MATRIX-${key}`, body: '' });
    ids[key] = idFrom(res.headers.location);
    await c.adminA.post(`/workspace/items/${ids[key]}/sharing`, { sharing, orgs: [...orgs] });
  }
  const doc = await postMultipart(
    t,
    c.adminA,
    `/workspace/${w.orgA}/documents`,
    { title: 'MATRIX-doc', body: '', note: '' },
    {
      file: { filename: 'x.pdf', data: PDF('MATRIX-file') },
    },
  );
  ids.doc = idFrom(doc.headers.location);
  ids.docVersion = (await theRow(t, 'coord_document_versions', { item_id: ids.doc })).id;

  // Meetings: A's internal one, a network one, a public one (made by the editor, who is not in the matrix).
  const meeting = (who: 'staffA' | 'editor', over: Record<string, string | string[]>) =>
    createMeeting(t, c[who], {
      description: 'MATRIX-meeting-description',
      starts_at: local(DAY),
      ends_at: local(DAY + HOUR),
      place_detail: '',
      public_summary: 'MATRIX-summary',
      ...over,
    });
  ids.meetingInternal = await meeting('staffA', {
    title: 'MATRIX-internal',
    host_org_id: String(w.orgA),
    invite_orgs: [String(w.orgA)],
  });
  ids.meetingNetwork = await meeting('editor', {
    title: 'MATRIX-network',
    visibility: 'network',
    invite_orgs: [String(w.orgA), String(w.orgB)],
  });
  // the public summary is for everyone once the meeting has taken place
  ids.meetingPublic = await meeting('editor', {
    title: 'MATRIX-public',
    starts_at: local(-DAY),
    ends_at: local(-DAY + HOUR),
    visibility: 'public',
    invite_orgs: [String(w.orgA)],
  });
  // Action items on the network meeting: one for A only, one for the network.
  await c.editor.get(`/meetings/${ids.meetingNetwork}`);
  for (const [title, sharing] of [
    ['MATRIX-action-org', 'org'],
    ['MATRIX-action-network', 'network'],
  ] as const)
    await c.editor.post(`/meetings/${ids.meetingNetwork}/actions`, {
      title,
      details: '',
      owner: `org:${w.orgA}`,
      due_on: '',
      sharing,
      decision_id: '',
    });

  // A's plan, reviewed by C's executive director.
  const plan = await postMultipart(
    t,
    c.adminA,
    `/plans/new?org=${w.orgA}`,
    {
      title: 'MATRIX-plan',
      vision: 'v',
      mission: '',
      goals: '',
      objectives: '',
      activities: '',
      note: '',
    },
    {},
  );
  ids.plan = idFrom(plan.headers.location);
  const version = await theRow(t, 'coord_plan_versions', { plan_id: ids.plan });
  await c.adminA.get(`/plans/${ids.plan}`);
  const review = await c.adminA.post(`/plans/${ids.plan}/reviews`, {
    version_id: String(version.id),
    reviewers: [String(w.users.adminC)],
    meeting_id: '',
  });
  ids.review = idFrom(review.headers.location);

  // Licensing: a council and A's file with it.
  await c.editor.get('/licensing');
  await c.editor.post('/licensing/councils', { name_ar: 'مجلس الباب', name_en: 'al-Bab council', town_pcode: 'C1202' });
  const council = await theRow(t, 'coord_councils');
  await c.adminA.get('/licensing');
  const lic = await c.adminA.post('/licensing/licences', {
    org_id: String(w.orgA),
    council_id: String(council.id),
    documents: '',
  });
  ids.licence = idFrom(lic.headers.location);

  // Lessons: private and network.
  await c.adminA.get('/lessons/new');
  for (const [key, sharing] of [
    ['lessonPrivate', 'private'],
    ['lessonNetwork', 'network'],
  ] as const) {
    const res = await c.adminA.post('/lessons/new', {
      subject: 'other',
      meeting_id: '',
      visit_id: '',
      project_label: '',
      title: `MATRIX-${key}`,
      what_happened: 'x',
      what_worked: '',
      what_to_change: '',
      lang: 'ar',
      sharing,
    });
    ids[key] = idFrom(res.headers.location);
  }

  // A vote among members.
  await c.netAdmin.get('/votes/new');
  const vote = await c.netAdmin.post('/votes/new', {
    kind: 'decision',
    title: 'MATRIX-vote',
    description: '',
    body_id: '',
    max_choices: '1',
    nominations_close_at: '',
    opens_at: local(HOUR),
    closes_at: local(DAY),
    quorum_percent: '50',
  });
  ids.vote = idFrom(vote.headers.location);
}

type Row = { name: string; url: () => string; sees: Who[]; text?: string };
const rows: Row[] = [
  { name: 'own workspace page', url: () => `/workspace/${s.w.orgA}`, sees: ['own'], text: 'MATRIX-itemPrivate' },
  { name: 'private item', url: () => `/workspace/items/${ids.itemPrivate}`, sees: ['own'], text: 'MATRIX-itemPrivate' },
  {
    name: 'item shared with B',
    url: () => `/workspace/items/${ids.itemOrgs}`,
    sees: ['own', 'other'],
    text: 'MATRIX-itemOrgs',
  },
  {
    name: 'item shared with the network',
    url: () => `/workspace/items/${ids.itemNetwork}`,
    sees: ['own', 'other', 'networkAdmin', 'reviewer'],
  },
  { name: 'public item', url: () => `/workspace/items/${ids.itemPublic}`, sees: everyone },
  {
    name: 'private document file',
    url: () => `/workspace/items/${ids.doc}/versions/${ids.docVersion}/file`,
    sees: ['own'],
    text: 'MATRIX-file',
  },
  { name: 'internal meeting', url: () => `/meetings/${ids.meetingInternal}`, sees: ['own'], text: 'MATRIX-internal' },
  {
    name: 'internal meeting .ics',
    url: () => `/meetings/${ids.meetingInternal}.ics`,
    sees: ['own'],
    text: 'MATRIX-internal',
  },
  {
    name: 'network meeting',
    url: () => `/meetings/${ids.meetingNetwork}`,
    sees: ['own', 'other', 'networkAdmin', 'reviewer'],
    text: 'MATRIX-network',
  },
  { name: 'public meeting (summary for all)', url: () => `/meetings/${ids.meetingPublic}`, sees: everyone },
  { name: 'strategic plan', url: () => `/plans/${ids.plan}`, sees: ['own'], text: 'MATRIX-plan' },
  { name: 'plan review', url: () => `/plans/reviews/${ids.review}`, sees: ['own', 'reviewer'], text: 'MATRIX-plan' },
  { name: 'licence file', url: () => `/licensing/${ids.licence}`, sees: ['own', 'networkAdmin'], text: 'al-Bab' },
  { name: 'private lesson', url: () => `/lessons/${ids.lessonPrivate}`, sees: ['own'], text: 'MATRIX-lessonPrivate' },
  {
    name: 'network lesson',
    url: () => `/lessons/${ids.lessonNetwork}`,
    sees: ['own', 'other', 'networkAdmin', 'reviewer'],
  },
  {
    name: 'vote',
    url: () => `/votes/${ids.vote}`,
    sees: ['own', 'other', 'networkAdmin', 'reviewer'],
    text: 'MATRIX-vote',
  },
  { name: 'governance', url: () => '/governance', sees: everyone },
];

describe('visibility matrix', () => {
  for (const row of rows)
    it(row.name, async () => {
      const problems: string[] = [];
      for (const who of everyone) {
        const res = await clientOf(who).get(row.url());
        const seen = res.statusCode === 200;
        if (row.sees.includes(who) !== seen) problems.push(`${who}: ${res.statusCode}`);
        if (!seen) {
          const fine = res.statusCode === 404 || (who === 'anonymous' && res.statusCode === 303);
          if (!fine) problems.push(`${who}: refused with ${res.statusCode}`);
          if (row.text && res.body.includes(row.text)) problems.push(`${who}: text leaked`);
        }
      }
      expect(problems).toEqual([]);
    });

  it('lists: the tracker, shared items, plans, lessons and meetings show each viewer only their part', async () => {
    const has = async (who: Who, url: string, text: string) => (await clientOf(who).get(url)).body.includes(text);
    const table: [string, string, Who[]][] = [
      ['/actions', 'MATRIX-action-org', ['own']],
      ['/actions', 'MATRIX-action-network', ['own', 'other', 'networkAdmin', 'reviewer']],
      ['/workspace/shared', 'MATRIX-itemOrgs', ['other']],
      ['/workspace/shared', 'MATRIX-itemNetwork', ['other', 'networkAdmin', 'reviewer']],
      ['/workspace/shared', 'MATRIX-itemPrivate', []],
      ['/plans', 'MATRIX-plan', ['own', 'reviewer']],
      ['/lessons', 'MATRIX-lessonPrivate', ['own']],
      ['/lessons', 'MATRIX-lessonNetwork', ['own', 'other', 'networkAdmin', 'reviewer']],
      ['/meetings', 'MATRIX-internal', ['own']],
      ['/meetings', 'MATRIX-network', ['own', 'other', 'networkAdmin', 'reviewer']],
      ['/meetings', 'MATRIX-public', everyone],
      ['/licensing', `/licensing/${ids.licence}"`, ['own', 'networkAdmin']],
      [`/organizations/${s.w.orgA}/alpha`, 'MATRIX-itemPublic', everyone],
      [`/organizations/${s.w.orgA}/alpha`, 'MATRIX-itemNetwork', []],
    ];
    const problems: string[] = [];
    for (const [url, text, sees] of table)
      for (const who of everyone)
        if ((await has(who, url, text)) !== sees.includes(who)) problems.push(`${url} ${text} ${who}`);
    expect(problems).toEqual([]);
  });

  it('anonymous visitors see only the public summary of a public meeting', async () => {
    const res = await s.w.c.anonymous.get(`/meetings/${ids.meetingPublic}`);
    expect(res.body).toContain('MATRIX-summary');
    expect(res.body).not.toContain('MATRIX-meeting-description');
    expect((await s.w.c.adminB.get(`/meetings/${ids.meetingNetwork}`)).body).toContain('MATRIX-meeting-description');
  });
});
