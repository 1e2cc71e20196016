// Demo data for programmes, retelling the network's story with fictional people: the project
// "مشروع 10% شباب" ("10% Youth") with its supporter and six participating members, activities in
// their towns, advocacy visits to local councils, civil-society organizations and judicial offices
// with recommendations in every status, five leadership courses and 120 trainees (young women
// and men) with attendance, test scores, completions and certificates. Deterministic (seeded
// pseudo-random numbers), so every start tells the same story.
import type { WaslServices } from '../../../core/services.js';
import type { DemoContext } from '../../../core/feature.js';
import { publishFromFeature } from '../../publishing/actions.js';
import {
  addRecommendation,
  followUpRecommendation,
  markActivityPublished,
  saveActivity,
  saveVisit,
} from '../activities/queries.js';
import { issueCertificates } from '../certificates/queries.js';
import { addTarget, saveProject } from '../projects/queries.js';
import { createTrainee } from '../trainees/queries.js';
import {
  addSession,
  cohortRoster,
  enrol,
  getCohort,
  saveAttendance,
  saveCohort,
  saveCourse,
  saveScores,
} from '../training/queries.js';
import { CURRENT_CONSENT_VERSION } from '../rules.js';
import type { AgeBand, Gender, RecommendationStatus } from '../tables.js';
import { activityPlan, ages, courses, familyNames, menNames, plan, visits, womenNames } from './seed-data.js';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => iso(new Date(new Date(`${s}T12:00:00Z`).getTime() + n * 86400000));

export async function seedProgrammes(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  const { db } = wasl;
  const now = ctx.now;
  const rand = rng(10);
  const pickOne = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const org = (k: string) => ctx.orgs[k]!;
  const staff = ctx.users['jusoor-staff'] ?? null;

  const projectId = await saveProject(
    db,
    null,
    ctx.networkId,
    {
      coordinator_org_id: org('jusoor'),
      name_ar: 'مشروع 10% شباب',
      name_en: '10% Youth',
      supporter_ar: 'صندوق المبادرات المدنية (اسم تجريبي)',
      supporter_en: 'Civic Initiatives Fund (demo name)',
      start_date: '2025-09-01',
      end_date: '2026-08-31',
      summary_ar:
        'أول مشروع تنفّذه الشبكة بدعم من المنظمة الداعمة: أنشطة في البلدات التي تعمل فيها المنظمات الأعضاء، وزيارات إلى المجالس المحلية ومنظمات المجتمع المدني والجهات القضائية لتقديم توصيات وآليات عملية تزيد حرية الرأي والتعبير والمشاركة المجتمعية، وخمس دورات تدريبية في المهارات القيادية للشابات والشبان.',
      summary_en:
        "The network's first project, with its supporter's help: activities in the members' towns; visits to local councils, civil-society organizations and judicial offices with recommendations and practical mechanisms for freedom of opinion and expression and community participation; and five leadership courses for young women and men.",
      goals_ar:
        'أن تصل نسبة الشباب في هيئات القرار المحلية إلى عشرة بالمئة على الأقل.\nتدريب الشابات والشبان على المناصرة وإدارة الشبكات وإعداد السياسات وتقدير الاحتياجات.\nبناء قنوات حوار منتظمة بين الشباب والمجالس المحلية.',
      goals_en:
        'Young people to hold at least ten per cent of seats in local decision-making bodies.\nTrain young women and men in advocacy, network management, policy-making and needs assessment.\nBuild regular channels of dialogue between youth and local councils.',
      is_public: true,
      members: ['ghiras', 'jusoor', 'noon', 'sanabel', 'furat', 'amal'].map(org),
      towns: ['C1605', 'C1581', 'C1594', 'C1564', 'C1643', 'C1767'],
    },
    now,
  );

  const targets: [Parameters<typeof addTarget>[2]['metric'], string, string, number][] = [
    ['trained', 'شابات وشبان مدرَّبون/ات', 'Young women and men trained', 150],
    ['trained_women', 'شابات مدرَّبات', 'Young women trained', 75],
    ['completed', 'متدربون/ات أتمّوا/أتممن دورة', 'Trainees who completed a course', 110],
    ['activities', 'أنشطة في البلدات', 'Activities in the towns', 30],
    ['visits', 'زيارات مناصرة', 'Advocacy visits', 15],
    ['recommendations_adopted', 'توصيات معتمدة أو منفّذة', 'Recommendations adopted or implemented', 10],
  ];
  for (const [metric, label_ar, label_en, target] of targets)
    await addTarget(db, projectId, { metric, label_ar, label_en, target, manual_value: null }, now);

  const courseIds: number[] = [];
  for (const c of courses) courseIds.push(await saveCourse(db, null, projectId, c, now));

  // ——— trainees, cohorts, sessions, attendance, scores, certificates ———
  const usedNames = new Set<string>();
  const newName = (g: Gender) => {
    for (;;) {
      const name = `${pickOne(g === 'f' ? womenNames : menNames)} ${pickOne(familyNames)}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const ageBand = (): AgeBand => {
    let x = rand();
    for (const [band, p] of ages) {
      if (x < p) return band;
      x -= p;
    }
    return 'a18_24';
  };
  let traineeIndex = 0;
  let cohortStart = '2025-10-04';
  for (const p of plan) {
    const orgId = org(p.org);
    const ids: number[] = [];
    for (let i = 0; i < p.trainees; i++) {
      // 62 women and 58 men over the 120: alternate, with a few more women.
      const g: Gender = traineeIndex % 2 === 0 || traineeIndex % 30 === 1 ? 'f' : 'm';
      traineeIndex++;
      const hasPhone = rand() < 0.6;
      ids.push(
        await createTrainee(
          db,
          orgId,
          {
            name: newName(g),
            gender: g,
            age_band: ageBand(),
            town_pcode: rand() < 0.8 ? p.town : pickOne(plan).town,
            affiliation: rand() < 0.3 ? 'فريق تطوعي محلي' : null,
            phone: hasPhone
              ? `+963 9${Math.floor(10 + rand() * 89)} ${Math.floor(100 + rand() * 899)} ${Math.floor(100 + rand() * 899)}`
              : null,
            consent_version: CURRENT_CONSENT_VERSION,
          },
          ctx.users[`${p.org}-admin`] ?? null,
          now,
        ),
      );
    }
    // Every trainee in the member's first course; about half also in a second.
    for (let ci = 0; ci < p.courses.length; ci++) {
      const courseIdx = p.courses[ci]!;
      const start = cohortStart;
      cohortStart = addDays(cohortStart, 9);
      const sessions = 5 + Math.floor(rand() * 2);
      const end = addDays(start, (sessions - 1) * 3);
      const cohortId = await saveCohort(
        db,
        courseIds[courseIdx]!,
        {
          organization_id: orgId,
          label: `${['الدفعة الأولى', 'الدفعة الثانية', 'الدفعة الثالثة'][ci]} — ${courses[courseIdx]!.title_ar}`,
          start_date: start,
          end_date: end,
          town_pcode: p.town,
          trainers: pickOne(['م. ليلى الحسن، م. عمر الشيخ', 'م. سوسن الخطيب', 'م. رائد العلي، م. هالة سليمان']),
        },
        now,
      );
      const members = ci === 0 ? ids : ids.filter(() => rand() < 0.45);
      await enrol(db, cohortId, members, now);
      const sessionIds: number[] = [];
      for (let s = 0; s < sessions; s++)
        sessionIds.push(
          await addSession(
            db,
            cohortId,
            {
              held_on: addDays(start, s * 3),
              topic: `${courses[courseIdx]!.title_ar} — الجلسة ${['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة'][s]}`,
            },
            now,
          ),
        );
      const cohort = (await getCohort(db, cohortId))!;
      const roster = await cohortRoster(db, cohort);
      const enrolmentIds = roster.map((r) => r.id);
      // Reliability per trainee: most come to nearly every session, a few drop out.
      const reliability = new Map(enrolmentIds.map((id) => [id, rand() < 0.12 ? 0.45 : 0.93]));
      for (const [s, sessionId] of sessionIds.entries()) {
        const present = new Set(enrolmentIds.filter((id) => s === 0 || rand() < reliability.get(id)!));
        await saveAttendance(db, sessionId, enrolmentIds, present);
      }
      const scores = new Map(
        enrolmentIds.map((id) => {
          const pre = 30 + Math.floor(rand() * 35);
          return [id, { pre, post: Math.min(100, pre + 10 + Math.floor(rand() * 35)) }];
        }),
      );
      await saveScores(db, cohortId, scores);
      // Dated the cohort's last day, recorded a week later.
      await issueCertificates(db, cohort, end, new Date(`${addDays(end, 7)}T10:00:00Z`));
    }
  }

  // ——— activities in the towns ———
  const activityIds: number[] = [];
  let activityDay = '2025-10-12';
  for (const [k, kind, title, town] of activityPlan) {
    activityDay = addDays(activityDay, 11);
    const counts: { gender: Gender; age_band: AgeBand; count: number }[] = [];
    for (const g of ['f', 'm'] as Gender[])
      for (const [band] of ages) {
        const base = band === 'a18_24' ? 8 : band === 'a25_35' ? 6 : 1;
        counts.push({ gender: g, age_band: band, count: Math.floor(rand() * base * 2) });
      }
    activityIds.push(
      await saveActivity(
        db,
        null,
        projectId,
        {
          organization_id: org(k),
          kind,
          title,
          held_on: activityDay,
          town_pcode: town,
          summary: `${title}. شارك فيه شابات وشبان من البلدة، وخرج المشاركون/ات بمقترحات عملية رُفعت إلى الجهات المعنية.`,
          notes: 'ملاحظة داخلية: التنسيق مع المجلس المحلي تم هاتفيًا قبل يومين.',
          counts,
        },
        ctx.users[`${k}-admin`] ?? null,
        now,
      ),
    );
  }
  // Two activities were sent to the editors as activity reports.
  for (const idx of [0, 5]) {
    const [k, , title, town] = activityPlan[idx]!;
    const r = await publishFromFeature(
      wasl,
      {
        kind: 'activity',
        organizationId: org(k),
        title,
        summary: `${title}: شارك فيه شابات وشبان من البلدة.`,
        body: `${title}.\n\nشارك فيه شابات وشبان من البلدة، وخرج المشاركون/ات بمقترحات عملية رُفعت إلى الجهات المعنية.`,
        lang: 'ar',
        towns: [town],
        projectId,
        authorUserId: ctx.users[`${k}-admin`] ?? null,
        source: { feature: 'programmes', id: `activity:${activityIds[idx]}` },
      },
      now,
    );
    // the demo reports print no participant figures
    await markActivityPublished(db, activityIds[idx]!, r.id, r.url, null);
  }

  // ——— advocacy visits and their recommendations ———
  let visitDay = '2025-11-02';
  for (const { org: k, type, institution, town, recommendations } of visits) {
    visitDay = addDays(visitDay, 13);
    const visitId = await saveVisit(
      db,
      null,
      projectId,
      {
        organization_id: org(k),
        institution_type: type,
        institution_name: institution,
        town_pcode: town,
        visited_on: visitDay,
        who_went: 'منسقة المشروع، متدربان/تان من دورة المناصرة',
        notes: 'ملاحظة داخلية: الاستقبال إيجابي، والمتابعة بعد شهر.',
      },
      staff,
      now,
    );
    for (const { text, addressedTo, status } of recommendations) {
      const recId = await addRecommendation(db, visitId, { text, addressed_to: addressedTo }, now);
      if (status === 'proposed') continue;
      const steps: RecommendationStatus[] =
        status === 'implemented'
          ? ['acknowledged', 'adopted', 'implemented']
          : status === 'adopted'
            ? ['acknowledged', 'adopted']
            : [status];
      let followDay = visitDay;
      for (const st of steps) {
        followDay = addDays(followDay, 20);
        await followUpRecommendation(
          db,
          recId,
          {
            status: st,
            response:
              st === 'rejected'
                ? 'اعتذرت الجهة لعدم توفر الإمكانات حاليًا.'
                : st === 'implemented'
                  ? 'نُفّذت التوصية وأُعلن ذلك في اجتماع عام.'
                  : 'رحّبت الجهة بالتوصية ووعدت بدراستها.',
            note: st === 'implemented' ? 'تحققنا من التنفيذ خلال زيارة متابعة.' : 'اتصال متابعة مع الجهة.',
            followed_on: followDay,
          },
          staff,
          now,
        );
      }
    }
  }
}
