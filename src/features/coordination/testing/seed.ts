// Demo data for coordination: the network's founding story, written for Wasl. A first cycle of
// meetings some seven months ago — a preparatory meeting at each of the nine members with all
// its staff, the general meeting that set the working mechanisms, the consultative meeting of the
// executive directors that reviewed the strategic plans — with minutes, decisions and action
// items; plan reviews; licensing at the councils of A'zaz, al-Bab, Mare' and Tal'ar; a board
// with a chair; a closed vote with its results; and an upcoming board meeting with a public summary.
import type { WaslServices } from '../../../core/services.js';
import type { Db } from '../../../core/db/index.js';
import { ids, rowsOf } from '../../../core/db/rows.js';
import type { DemoContext } from '../../../core/feature.js';
import { addDays, damascusDay, damascusLocalToDate, HOUR } from '../../../core/time.js';
import { launchCycle, cycleTexts } from '../meetings/cycle.js';
import { createAction, createMeeting, recordAttendance, setMeetingStatus } from '../meetings/actions.js';
import { decisionsIn, planDecisions, saveMinutes } from '../meetings/minutes.js';
import { expectedPeople, getMeeting } from '../meetings/queries.js';
import { addComment, addPlanVersion, closeReview, createPlan, openReview } from '../plans/actions.js';
import {
  addSeat,
  addTerm,
  answerNomination,
  castBallot,
  createBody,
  createVote,
  nominate,
} from '../governance/actions.js';
import { getVote } from '../governance/queries.js';
import * as licensing from '../licensing/actions.js';
import { createItem, setPersonRole, setSharing } from '../workspace/actions.js';
import { saveLesson } from '../lessons/actions.js';

const PDF = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`, 'latin1');

/** Minutes with their decisions written as «قرار:» lines; returns the decisions' ids in order. */
async function writeMinutes(db: Db, meetingId: number, lines: string[], decisions: string[], by: number, now: Date) {
  const md = [...lines, '', '## القرارات', '', ...decisions.map((d) => `- قرار: ${d}`)].join('\n');
  await saveMinutes(db, meetingId, md, await planDecisions(db, meetingId, decisionsIn(md)), by, now);
  return ids(await rowsOf(db, 'coord_decisions', { meeting_id: meetingId }, ['number']));
}

export async function seedCoordination(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  const { db } = wasl;
  const { now, networkId: net, orgs, users } = ctx;
  const o = (k: string) => orgs[k]!;
  const u = (k: string) => users[k]!;
  const at = (daysFromNow: number, hhmm = '10:00') =>
    damascusLocalToDate(`${addDays(damascusDay(now), daysFromNow)}T${hhmm}`)!;
  const tr = wasl.i18n.translator('ar', { digits: 'latn' });
  const keys = ['ghiras', 'jusoor', 'noon', 'wathiqa', 'sanabel', 'basma', 'diyaa', 'furat', 'amal'];
  /** The chair's record once a meeting ends: the roll call (expected people, guests), then the minutes; the decisions' ids. */
  const chairRecords = async (
    m: Parameters<typeof expectedPeople>[1] & { id: number; ends_at: string },
    present: (userId: number) => boolean,
    guests: { name: string; orgId: number | null }[],
    minutes: string[],
    decisions: string[],
  ) => {
    const people = await expectedPeople(db, m);
    const ended = new Date(m.ends_at);
    await recordAttendance(db, m.id, people, people.map((p) => p.user_id).filter(present), guests, u('chair'), ended);
    return writeMinutes(db, m.id, minutes, decisions, u('chair'), ended);
  };

  // ——— people: each admin is the executive director and the voting representative; three
  // organizations' staff coordinate projects ———
  const roles = [
    ...keys.map((k) => [k, 'admin', 'المدير/ة التنفيذي/ة', true] as const),
    ...['ghiras', 'jusoor', 'noon'].map((k) => [k, 'staff', 'منسق/ة مشاريع', false] as const),
  ];
  for (const [k, account, title, director] of roles)
    await setPersonRole(
      db,
      o(k),
      u(`${k}-${account}`),
      { title, executiveDirector: director, representative: director },
      now,
    );

  // ——— the founding cycle, about seven months ago ———
  const cycleStart = addDays(damascusDay(now), -214);
  const { meetingIds } = await launchCycle(
    db,
    net,
    {
      title: 'دورة التأسيس',
      preparatoryFrom: cycleStart,
      preparatoryTime: '10:00',
      generalAt: at(-196).toISOString(),
      generalTown: 'C1564',
      generalPlace: 'قاعة المركز الثقافي في أعزاز',
      consultativeAt: at(-182).toISOString(),
      consultativeUrl: null,
    },
    cycleTexts(tr.t as never, 'ar'),
    u('chair'),
    at(-220),
  );
  const meetings = await Promise.all(meetingIds.map((id) => getMeeting(db, net, id)));
  const preparatory = meetings.filter((m) => m!.kind === 'preparatory').map((m) => m!);
  const general = meetings.find((m) => m!.kind === 'general')!;
  const consultative = meetings.find((m) => m!.kind === 'consultative')!;

  for (const m of preparatory) {
    const [d] = await chairRecords(
      m,
      () => true,
      [{ name: 'متطوعة من الفريق الميداني', orgId: m.host_org_id }],
      [
        '## ما دار في الاجتماع',
        '',
        'حضر فريق المنظمة كاملًا، وعرض منسق/ة الشبكة فكرة الشبكة ومبدأيها الأساسيين: **استقلالية كل منظمة** و**خصوصية بياناتها**.',
        '',
        '- عبّر الفريق عن حاجته إلى تبادل الخبرات مع المنظمات الأخرى في الريف الشمالي.',
        '- طُرحت صعوبات الترخيص لدى المجلس المحلي كأولوية مشتركة.',
        '- اختار الفريق مديره/ا التنفيذي/ة ممثلًا/ة للمنظمة في الاجتماع العام.',
      ],
      ['تسمية المدير/ة التنفيذي/ة ممثلًا/ة للمنظمة في الشبكة.'],
    );
    await createAction(
      db,
      net,
      {
        title: 'إعداد قائمة بالوثائق المتوفرة لملف الترخيص',
        details: '',
        owner_org_id: m.host_org_id,
        owner_user_id: null,
        due_on: addDays(damascusDay(m.starts_at), 21),
        sharing: 'org',
        meeting_id: m.id,
        decision_id: d!,
        review_id: null,
      },
      u('chair'),
      new Date(m.ends_at),
    );
    await setMeetingStatus(db, m.id, 'held', new Date(m.ends_at));
  }

  // The general meeting: eight of nine members present; quorum of five reached.
  {
    const admins = new Set(keys.filter((k) => k !== 'diyaa').map((k) => u(`${k}-admin`)));
    const decisionIds = await chairRecords(
      general,
      (id) => admins.has(id),
      [],
      [
        '## افتتاح',
        '',
        'افتتحت رئيسة الجلسة الاجتماع بالترحيب بممثلي/ات المنظمات التسع، وذكّرت بما خرجت به الاجتماعات التمهيدية.',
        '',
        '## آليات العمل',
        '',
        '1. تبقى كل منظمة مستقلة في قرارها وبياناتها؛ لا تُشارك وثيقة إلا بقرار منها.',
        '2. تجتمع المنظمات الأعضاء اجتماعًا عامًا كل ثلاثة أشهر، ويجتمع مجلس الإدارة شهريًا.',
        '3. تُتابع مهام الاجتماعات في متتبع واحد يراه الجميع.',
        '4. يُنسَّق ملف الترخيص لدى المجالس المحلية عبر لجنة خاصة.',
        '',
        '## الخطط',
        '',
        'اتُّفق على عرض الخطط الاستراتيجية للمنظمات في اجتماع تشاوري للمديرين/ات التنفيذيين/ات.',
      ],
      [
        'اعتماد آليات العمل المشترك كما وردت في المحضر.',
        'تشكيل لجنة الترخيص والعلاقة مع المجالس المحلية.',
        'عقد اجتماع تشاوري للمديرين/ات التنفيذيين/ات لمراجعة الخطط الاستراتيجية.',
      ],
    );
    const actions: [string, string, number, 'open' | 'in_progress' | 'done'][] = [
      ['صياغة مسودة الميثاق الداخلي للشبكة', 'wathiqa', -150, 'done'],
      ['جمع متطلبات الترخيص من المجالس المحلية الأربعة', 'ghiras', -20, 'in_progress'],
      ['إعداد دليل مشترك للتواصل مع المجالس المحلية', 'noon', 25, 'open'],
      ['تنظيم زيارة مشتركة إلى المجلس المحلي في مارع', 'sanabel', -5, 'open'],
    ];
    for (const [title, owner, due, status] of actions) {
      const id = await createAction(
        db,
        net,
        {
          title,
          details: '',
          owner_org_id: o(owner),
          owner_user_id: u(`${owner}-admin`),
          due_on: addDays(damascusDay(now), due),
          sharing: 'network',
          meeting_id: general.id,
          decision_id: decisionIds[1]!,
          review_id: null,
        },
        u('chair'),
        new Date(general.ends_at),
      );
      if (status !== 'open') await db.updateTable('coord_actions').set({ status }).where('id', '=', id).execute();
    }
    await setMeetingStatus(db, general.id, 'held', new Date(general.ends_at));
  }

  // ——— governance: the board with a chair, a licensing committee ———
  const board = await createBody(
    db,
    net,
    {
      kind: 'board',
      name_ar: 'مجلس الإدارة',
      name_en: 'Board',
      description_ar: 'انتخبه الاجتماع العام لولاية مدتها سنتان؛ يجتمع شهريًا.',
      description_en: 'Elected by the general meeting for two years; meets monthly.',
    },
    now,
  );
  const termStart = addDays(damascusDay(now), -190);
  const termEnd = addDays(termStart, 730);
  const chairSeat = await addSeat(db, board, {
    title_ar: 'رئاسة مجلس الإدارة',
    title_en: 'Chair of the board',
    is_chair: true,
  });
  await addTerm(db, chairSeat, {
    holder_name: 'هالة الحداد',
    holder_user_id: u('chair'),
    holder_org_id: null,
    starts_on: termStart,
    ends_on: termEnd,
    vote_id: null,
  });
  const boardMembers: [string, string, string][] = [
    ['نائب/ة الرئاسة', 'Vice-chair', 'noon'],
    ['أمانة السر', 'Secretary', 'wathiqa'],
    ['أمانة الصندوق', 'Treasurer', 'sanabel'],
    ['عضوية', 'Member', 'furat'],
  ];
  const holderNames: Record<string, string> = {
    noon: 'ريم العلي',
    wathiqa: 'محمود الشيخ',
    sanabel: 'سلمى خليل',
    furat: 'عمر الأحمد',
  };
  for (const [ar, en, k] of boardMembers) {
    const seat = await addSeat(db, board, { title_ar: ar, title_en: en, is_chair: false });
    await addTerm(db, seat, {
      holder_name: holderNames[k]!,
      holder_user_id: u(`${k}-admin`),
      holder_org_id: o(k),
      starts_on: termStart,
      ends_on: termEnd,
      vote_id: null,
    });
  }
  const committee = await createBody(
    db,
    net,
    {
      kind: 'committee',
      name_ar: 'لجنة الترخيص والعلاقة مع المجالس المحلية',
      name_en: 'Licensing and local councils committee',
      description_ar: 'تنسّق زيارات المجالس المحلية وتتابع ملفات الترخيص.',
      description_en: 'Coordinates visits to local councils and follows the licensing files.',
    },
    now,
  );
  for (const [ar, en, k, name] of [
    ['تنسيق اللجنة', 'Coordinator', 'ghiras', 'يوسف النجار'],
    ['عضوية', 'Member', 'amal', 'لينا حمدان'],
  ] as const) {
    const seat = await addSeat(db, committee, { title_ar: ar, title_en: en, is_chair: ar === 'تنسيق اللجنة' });
    await addTerm(db, seat, {
      holder_name: name,
      holder_user_id: u(`${k}-admin`),
      holder_org_id: o(k),
      starts_on: termStart,
      ends_on: termEnd,
      vote_id: null,
    });
  }

  // A closed decision taken between meetings: the internal charter (eight of nine voted).
  const labels = { yes: 'نعم', no: 'لا', abstain: 'امتناع' };
  /** A vote the chair set up, as ballots and nominations take it. */
  const chairsVote = async (input: Parameters<typeof createVote>[2], createdAt: Date) =>
    (await getVote(db, net, await createVote(db, net, input, labels, u('chair'), createdAt)))!;
  const optionsOf = (voteId: number) => rowsOf(db, 'coord_vote_options', { vote_id: voteId }, []);
  /** Each organization's admin casts its ballot in turn, one every `hours` hours after the vote opens. */
  const castInTurn = async (
    vote: NonNullable<Awaited<ReturnType<typeof getVote>>>,
    opens: Date,
    hours: number,
    ballots: [string, number][],
  ) => {
    for (const [i, [k, optionId]] of ballots.entries())
      await castBallot(db, vote, o(k), u(`${k}-admin`), [optionId], new Date(opens.getTime() + (i + 1) * hours * HOUR));
  };
  const charterOpens = at(-120, '09:00');
  const charterVote = await chairsVote(
    {
      kind: 'decision',
      title: 'اعتماد الميثاق الداخلي للشبكة',
      description:
        'صاغت رابطة وثيقة مسودة الميثاق بعد الاجتماع العام، ونوقشت في مجلس الإدارة. يُعتمد بأغلبية الأصوات مع نصاب نصف المنظمات الأعضاء.',
      body_id: null,
      max_choices: 1,
      nominations_close_at: null,
      opens_at: charterOpens.toISOString(),
      closes_at: at(-113, '18:00').toISOString(),
      quorum_percent: 50,
    },
    at(-125),
  );
  const options = await optionsOf(charterVote.id);
  const opt = (k: string) => options.find((x) => x.kind === k)!.id;
  const charterBallots: [string, string][] = [
    ['ghiras', 'yes'],
    ['jusoor', 'yes'],
    ['noon', 'yes'],
    ['wathiqa', 'yes'],
    ['sanabel', 'yes'],
    ['basma', 'abstain'],
    ['furat', 'yes'],
    ['amal', 'no'],
  ];
  await castInTurn(
    charterVote,
    charterOpens,
    7,
    charterBallots.map(([k, choice]) => [k, opt(choice)]),
  );

  // An election for the licensing committee's coordinator, also closed.
  const elOpens = at(-100, '09:00');
  const electionVote = await chairsVote(
    {
      kind: 'election',
      title: 'انتخاب منسق/ة لجنة الترخيص',
      description: 'مقعد واحد لولاية مدتها سنتان.',
      body_id: committee,
      max_choices: 1,
      nominations_close_at: elOpens.toISOString(),
      opens_at: elOpens.toISOString(),
      closes_at: at(-95, '18:00').toISOString(),
      quorum_percent: 50,
    },
    at(-110),
  );
  for (const [k, by, statement, label, day] of [
    ['ghiras', 'ghiras', 'عملنا مع مجلس تل عار سنتين، ونعرف ما يطلبه.', 'يوسف النجار', -108],
    ['amal', 'noon', '', 'لينا حمدان', -107],
  ] as const)
    await nominate(
      db,
      electionVote,
      {
        nomineeUserId: u(`${k}-admin`),
        nomineeOrgId: o(k),
        nominatorUserId: u(`${by}-admin`),
        statement,
        label,
      },
      at(day),
    );
  const nomineeOption = async (k: string) =>
    (await optionsOf(electionVote.id)).find((x) => x.nominee_user_id === u(`${k}-admin`))!.id;
  await answerNomination(db, electionVote, await nomineeOption('amal'), u('amal-admin'), true, at(-106));
  const candidates = { ghiras: await nomineeOption('ghiras'), amal: await nomineeOption('amal') };
  const electionBallots: [string, keyof typeof candidates][] = [
    ['ghiras', 'ghiras'],
    ['jusoor', 'ghiras'],
    ['noon', 'amal'],
    ['wathiqa', 'ghiras'],
    ['sanabel', 'ghiras'],
    ['diyaa', 'amal'],
    ['furat', 'ghiras'],
  ];
  await castInTurn(
    electionVote,
    elOpens,
    5,
    electionBallots.map(([k, c]) => [k, candidates[c]]),
  );

  // ——— strategic plans and their review at the consultative meeting ———
  const planOf = async (
    k: string,
    title: string,
    s: { vision: string; mission: string; goals: string; objectives: string; activities: string },
  ) => createPlan(db, o(k), title, { ...s, note: 'المسودة الأولى', file: null }, u(`${k}-admin`), at(-200));
  const ghirasPlan = await planOf('ghiras', 'الخطة الاستراتيجية 2026–2028', {
    vision: 'بلدات يشارك أهلها في القرارات التي تخصّهم.',
    mission: 'نجمع الأهالي والمجالس المحلية على طاولة واحدة، وندرّب اللجان الأهلية على تقدير الاحتياجات.',
    goals: 'تعزيز الحوار بين الأهالي والمجلس المحلي\nبناء قدرات اللجان الأهلية',
    objectives: 'جلسة حوار شهرية في تل عار الشرقية والغربية\nتدريب عشر لجان أهلية خلال السنة الأولى',
    activities:
      'السنة الأولى: جلسات الحوار وتدريب اللجان\nالسنة الثانية: توسيع الجلسات إلى القرى المجاورة\nالسنة الثالثة: تقييم ونقل التجربة',
  });
  await addPlanVersion(
    db,
    ghirasPlan,
    o('ghiras'),
    {
      vision: 'بلدات يشارك أهلها، نساءً ورجالًا، في القرارات التي تخصّهم.',
      mission: 'نجمع الأهالي والمجالس المحلية على طاولة واحدة، وندرّب اللجان الأهلية على تقدير الاحتياجات.',
      goals: 'تعزيز الحوار بين الأهالي والمجلس المحلي\nبناء قدرات اللجان الأهلية\nرفع مشاركة النساء في جلسات الحوار',
      objectives:
        'جلسة حوار شهرية في تل عار الشرقية والغربية\nتدريب عشر لجان أهلية خلال السنة الأولى\nأن تكون ثلث المشاركين/ات في الجلسات من النساء',
      activities:
        'السنة الأولى: جلسات الحوار وتدريب اللجان\nالسنة الثانية: توسيع الجلسات إلى القرى المجاورة\nالسنة الثالثة: تقييم ونقل التجربة',
      note: 'بعد ملاحظات الاجتماع التشاوري',
      file: null,
    },
    u('ghiras-admin'),
    at(-170),
  );
  const ghirasV1 = await db
    .selectFrom('coord_plan_versions')
    .select('id')
    .where('plan_id', '=', ghirasPlan)
    .where('version', '=', 1)
    .executeTakeFirstOrThrow();
  const ghirasReview = await openReview(
    db,
    { id: ghirasPlan, organization_id: o('ghiras') },
    ghirasV1.id,
    [u('jusoor-admin'), u('noon-admin')],
    false,
    consultative.id,
    u('ghiras-admin'),
    at(-188),
  );
  const c1 = await db
    .insertInto('coord_review_comments')
    .values({
      review_id: ghirasReview,
      organization_id: o('ghiras'),
      section: 'objectives',
      parent_id: null,
      author_user_id: u('noon-admin'),
      body: 'الأهداف لا تذكر النساء. كم امرأة تتوقعون في جلسات الحوار؟',
      created_at: at(-186).toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addComment(
    db,
    { id: ghirasReview, organization_id: o('ghiras') },
    { section: 'objectives', parentId: c1.id, body: 'ملاحظة في محلّها؛ سنضيف هدفًا لمشاركة النساء.' },
    u('ghiras-admin'),
    at(-185),
  );
  await addComment(
    db,
    { id: ghirasReview, organization_id: o('ghiras') },
    { section: 'activities', parentId: null, body: 'يمكن لجسور تدريب الشباب في القرى المجاورة خلال السنة الثانية.' },
    u('jusoor-admin'),
    at(-184),
  );
  const noonPlan = await planOf('noon', 'خطة مركز نون 2026–2030', {
    vision: 'نساء آمنات ومشاركات في الشأن العام.',
    mission: 'نقدّم الدعم القانوني والنفسي للنساء في أعزاز وننشر الوعي بحقوقهن.',
    goals: 'الدعم القانوني\nالدعم النفسي الاجتماعي\nالمشاركة العامة',
    objectives: '',
    activities: '',
  });
  const noonV1 = await db
    .selectFrom('coord_plan_versions')
    .select('id')
    .where('plan_id', '=', noonPlan)
    .executeTakeFirstOrThrow();
  await openReview(
    db,
    { id: noonPlan, organization_id: o('noon') },
    noonV1.id,
    [u('wathiqa-admin')],
    false,
    null,
    u('noon-admin'),
    at(-10),
  );
  await planOf('jusoor', 'خطة جسور الشباب', {
    vision: 'شباب يقودون مبادرات في بلداتهم.',
    mission: 'ندرّب الشابات والشبان على المناصرة وإدارة المبادرات الصغيرة.',
    goals: '',
    objectives: '',
    activities: '',
  });

  // The consultative meeting: the directors reviewed the plans; decisions became action items.
  {
    const [d1] = await chairRecords(
      consultative,
      (id) => id !== u('basma-admin'),
      [],
      [
        '## مراجعة الخطط الاستراتيجية',
        '',
        'عرضت غراس خطتها، وعلّق المديرون/ات التنفيذيون/ات عليها قسمًا قسمًا. لم تُعرض أي خطة دون موافقة منظمتها، ولا يطّلع عليها غير من اختارتهم.',
        '',
        '## التوصيات',
        '',
        '- إضافة هدف واضح لمشاركة النساء.',
        '- التعاون بين غراس وجسور في القرى المجاورة.',
      ],
      ['توصي الهيئة غراس بإضافة هدف لمشاركة النساء في خطتها.', 'عقد الاجتماع التشاوري القادم بعد ستة أشهر.'],
    );
    await db.updateTable('coord_decisions').set({ review_id: ghirasReview }).where('id', '=', d1!).execute();
    await createAction(
      db,
      net,
      {
        title: 'إضافة هدف لمشاركة النساء إلى الخطة',
        details: '',
        owner_org_id: o('ghiras'),
        owner_user_id: null,
        due_on: addDays(damascusDay(consultative.starts_at), 14),
        sharing: 'org',
        meeting_id: consultative.id,
        decision_id: d1!,
        review_id: ghirasReview,
      },
      u('ghiras-admin'),
      new Date(consultative.ends_at),
    );
    await db.updateTable('coord_actions').set({ status: 'done' }).where('decision_id', '=', d1).execute();
    await setMeetingStatus(db, consultative.id, 'held', new Date(consultative.ends_at));
  }
  await closeReview(
    db,
    ghirasReview,
    o('ghiras'),
    'شكرًا لجسور ونون. أُضيف هدف مشاركة النساء في النسخة الثانية.',
    at(-170),
  );

  // ——— licensing with local councils ———
  const council = async (name_ar: string, name_en: string, pcode: string, contact: string) =>
    licensing.saveCouncil(
      db,
      net,
      null,
      {
        name_ar,
        name_en,
        town_pcode: pcode,
        contact_name: contact,
        contact_phone: null,
        contact_email: null,
        notes: '',
      },
      at(-180),
    );
  const azaz = await council('المجلس المحلي في أعزاز', 'A’zaz Local Council', 'C1564', 'مكتب المنظمات');
  const bab = await council('المجلس المحلي في الباب', 'al-Bab Local Council', 'C1202', 'مكتب الشؤون المدنية');
  const mare = await council('المجلس المحلي في مارع', 'Mare’ Local Council', 'C1643', 'مكتب العلاقات العامة');
  const talar = await council('المجلس المحلي في تل عار', 'Tal’ar Local Council', 'C1594', 'رئيس المجلس');
  const docs = ['النظام الداخلي', 'قائمة أعضاء مجلس الإدارة', 'عقد إيجار المكتب', 'صور الهويات'];
  const day = (n: number) => addDays(damascusDay(now), n);
  /**
   * A licence file as it stands now: its status, the days (from today) it was applied for, visited,
   * granted and expires (null: not yet), and how many of its documents were handed in.
   */
  const lic = async (
    k: string,
    councilId: number,
    status: licensing.LicenceInput['status'],
    days: [number | null, number | null, number | null, number | null],
    notes: string,
    submitted: number,
  ) => {
    const [applied_on, visit_on, licensed_on, expires_on] = days.map((n) => (n === null ? null : day(n)));
    const input = { status, applied_on, visit_on, licensed_on, expires_on, notes };
    const id = (await licensing.createLicence(db, o(k), councilId, docs, u('chair'), at(-170)))!;
    await licensing.updateLicence(db, id, o(k), input, u(`${k}-admin`), at(-30));
    const rows = await rowsOf(db, 'coord_licence_documents', { licence_id: id }, ['id']);
    for (const r of rows.slice(0, submitted)) await licensing.setDocumentSubmitted(db, id, o(k), r.id, day(-90));
    return id;
  };
  const ghirasTalar = await lic(
    'ghiras',
    talar,
    'licensed',
    [-400, -380, -320, 45],
    'ترخيص لسنة واحدة قابل للتجديد.',
    4,
  );
  await lic('noon', azaz, 'licensed', [-160, -140, -120, 245], '', 4);
  const wathiqaBab = await lic(
    'wathiqa',
    bab,
    'visit_scheduled',
    [-40, 6, null, null],
    'طلب المجلس نسخة مصدّقة من النظام الداخلي.',
    3,
  );
  const sanabelMare = await lic('sanabel', mare, 'applied', [-25, null, null, null], '', 4);
  await lic('amal', azaz, 'preparing', [null, null, null, null], '', 1);
  await lic(
    'amal',
    mare,
    'refused',
    [-150, -130, null, null],
    'رُفض لعدم وجود مكتب في مارع؛ يُعاد التقديم بعد افتتاح المكتب.',
    4,
  );
  await lic('jusoor', talar, 'not_started', [null, null, null, null], '', 0);
  const visit = await licensing.addVisit(
    db,
    ghirasTalar,
    o('ghiras'),
    {
      visit_on: day(-380),
      who_went: 'منسق الشبكة ومدير غراس',
      met_whom: 'رئيس المجلس المحلي',
      outcome: 'شرحنا عمل الجمعية، وطلب المجلس قائمة بأعضاء مجلس الإدارة.',
      next_step: 'تسليم القائمة خلال أسبوع',
    },
    u('ghiras-admin'),
    at(-380),
  );
  await licensing.addVisit(
    db,
    wathiqaBab,
    o('wathiqa'),
    {
      visit_on: day(-38),
      who_went: 'محامية من وثيقة',
      met_whom: 'مكتب الشؤون المدنية',
      outcome: 'سُلّم الطلب مع ثلاث وثائق.',
      next_step: 'زيارة اللجنة المختصة',
    },
    u('wathiqa-admin'),
    at(-38),
  );
  await licensing.addVisit(
    db,
    wathiqaBab,
    o('wathiqa'),
    {
      visit_on: day(6),
      who_went: 'لجنة الترخيص في الشبكة ووثيقة',
      met_whom: 'اللجنة المختصة في المجلس',
      outcome: '',
      next_step: '',
    },
    u('chair'),
    at(-5),
  );
  await licensing.addVisit(
    db,
    sanabelMare,
    o('sanabel'),
    {
      visit_on: day(12),
      who_went: 'زيارة مشتركة: سنابل وأمل ومنسق الشبكة',
      met_whom: 'مكتب العلاقات العامة',
      outcome: '',
      next_step: '',
    },
    u('chair'),
    at(-3),
  );
  await licensing.addLicenceDocument(db, sanabelMare, o('sanabel'), 'كتاب تعريف من الشبكة');

  // ——— workspaces ———
  const note = (k: string, title: string, body: string, when: Date) =>
    createItem(db, o(k), { kind: 'note', title, body, userId: u(`${k}-admin`) }, when);
  await note(
    'ghiras',
    'ملاحظات داخلية: ميزانية جلسات الحوار',
    'تكلفة الضيافة والمواصلات لكل جلسة تقريبًا. لا تُشارك خارج الفريق.',
    at(-60),
  );
  const guide = await note(
    'wathiqa',
    'دليل التواصل مع المجالس المحلية',
    'ما تعلمناه من ملفات الترخيص: الوثائق المطلوبة في كل مجلس، ومن نراجع، وكم يستغرق الرد.',
    at(-50),
  );
  await setSharing(db, guide, o('wathiqa'), net, 'network', [], at(-50));
  const shared = await note(
    'jusoor',
    'جدول تدريب الشباب المشترك مع غراس',
    'مواعيد التدريب في القرى المجاورة لتل عار.',
    at(-40),
  );
  await setSharing(db, shared, o('jusoor'), net, 'orgs', [o('ghiras')], at(-40));
  const pdf = await wasl.media.save(
    db,
    { filename: 'النظام الداخلي.pdf', mimetype: 'application/pdf', data: PDF('Noon bylaws') },
    { userId: u('noon-admin'), organizationId: o('noon'), isPublic: false },
    at(-90),
  );
  if (pdf.ok) {
    const doc = await createItem(
      db,
      o('noon'),
      {
        kind: 'document',
        title: 'النظام الداخلي لمركز نون',
        body: 'النسخة المعتمدة من الهيئة العامة.',
        userId: u('noon-admin'),
        file: {
          mediaId: pdf.media.id,
          filename: 'النظام الداخلي.pdf',
          mime: pdf.media.mime,
          bytes: pdf.media.bytes,
          note: '',
        },
      },
      at(-90),
    );
    await setSharing(db, doc, o('noon'), net, 'public', [], at(-90));
  }

  // ——— lessons learned ———
  await saveLesson(
    db,
    o('ghiras'),
    null,
    {
      subject: 'visit',
      meeting_id: null,
      visit_id: visit,
      project_label: '',
      title: 'زيارة المجلس قبل تقديم الطلب توفّر شهرين',
      what_happened: 'قدّمنا طلب الترخيص أولًا ثم انتظرنا الرد شهرين.',
      what_worked: 'حين زرنا رئيس المجلس ومعنا قائمة مجلس الإدارة تحرّك الملف خلال أسبوع.',
      what_to_change: 'نزور المجلس ونسأل عن الوثائق قبل تقديم الطلب.',
      lang: 'ar',
      sharing: 'network',
    },
    u('ghiras-admin'),
    at(-300),
  );
  await saveLesson(
    db,
    o('noon'),
    null,
    {
      subject: 'meeting',
      meeting_id: general.id,
      visit_id: null,
      project_label: '',
      title: 'اجتماع عام أقصر',
      what_happened: 'امتد الاجتماع العام خمس ساعات.',
      what_worked: 'توزيع المحضر في اليوم نفسه.',
      what_to_change: 'إرسال جدول الأعمال قبل أسبوع، وتحديد وقت لكل بند.',
      lang: 'ar',
      sharing: 'private',
    },
    u('noon-admin'),
    at(-190),
  );

  // ——— what is coming: the monthly board meeting, with a public summary ———
  const boardUsers = [u('chair'), ...['noon', 'wathiqa', 'sanabel', 'furat'].map((k) => u(`${k}-admin`))];
  const boardStart = at(7, '11:00');
  await createMeeting(
    db,
    net,
    {
      kind: 'board',
      title: 'اجتماع مجلس الإدارة الشهري',
      description: 'متابعة مهام الاجتماع العام وملفات الترخيص.',
      host_org_id: null,
      starts_at: boardStart.toISOString(),
      ends_at: new Date(boardStart.getTime() + 2 * HOUR).toISOString(),
      place_kind: 'office',
      place_org_id: o('noon'),
      town_pcode: 'C1564',
      place_detail: 'مكتب مركز نون',
      online_url: null,
      visibility: 'public',
      public_summary:
        'يجتمع مجلس إدارة الشبكة شهريًا لمتابعة عمل المنظمات الأعضاء المشترك وملفات الترخيص لدى المجالس المحلية. تُنشر القرارات بعد الاجتماع.',
      quorum_orgs: 3,
    },
    { orgIds: [], userIds: boardUsers },
    [
      { title: 'متابعة مهام الاجتماع العام', duration_minutes: 30 },
      { title: 'ملفات الترخيص في الباب ومارع', duration_minutes: 45 },
      { title: 'التحضير للاجتماع التشاوري القادم', duration_minutes: 30 },
    ],
    u('chair'),
    at(-2),
  );
}
