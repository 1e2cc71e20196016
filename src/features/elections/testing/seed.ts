// Demo data for elections, written fresh for Wasl (fictional people, codes and lists; real towns):
//  - the earlier Tal'ar (C1594) local council election, closed, with its outreach summary;
//  - the Turkman Bareh (C1605) local council election: outreach (women's participation calls, a
//    voter-card drive, leaflets), four polling centres with six stations, forms, observers with
//    fictional codes, count sheets (double-entered; one conflict decided) that add up to the
//    story — 4 centres observed, 1,116 voters (469 women, 647 men: 42%), 15 seats — and a
//    statement drafted by one person and approved by another.
import crypto from 'node:crypto';
import type { WaslServices } from '../../../core/services.js';
import type { DemoContext } from '../../../core/feature.js';
import { hashPassword } from '../../../core/auth/passwords.js';
import { flag, toJson } from '../../../core/db/helpers.js';
import { addDays, damascusDay, damascusLocalToDate } from '../../../core/time.js';
import { electionCandidates, getElection, saveElection } from '../queries.js';
import { addOutreach } from '../outreach/queries.js';
import { addCentre, addStation } from '../stations/queries.js';
import { createObserver } from '../observers/queries.js';
import { createFormDraft, getForm, publishForm, type FormRow } from '../forms/queries.js';
import { templateQuestions, templateRules } from '../forms/templates.js';
import { voteField } from '../forms/formdef.js';
import { ingestSubmission, resolveSheet } from '../entry/actions.js';
import { freezeFigures, statementText } from '../statements/results.js';
import type { FormKind } from '../tables.js';

/** A wall-clock time on a day, in Damascus. */
const at = (day: string, hhmm: string) => damascusLocalToDate(`${day}T${hhmm}`)!;

export async function seedElections(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  const { db, dialect, i18n } = wasl;
  const { orgs, users } = ctx;
  const chair = users.chair ?? null;

  // ——— Tal'ar: the earlier election, closed ———
  const today = damascusDay(ctx.now);
  const talarDay = addDays(today, -420);
  const talar = await saveElection(
    db,
    null,
    ctx.networkId,
    {
      title_ar: 'انتخابات المجلس المحلي في تل عار',
      title_en: "Tal'ar local council election",
      poll_date: talarDay,
      seats: 11,
      status: 'closed',
      summary_ar:
        'أول انتخابات محلية شاركت الشبكة في التوعية بها ومراقبتها. نظّمت غراس جلسات تعريف بالعملية الانتخابية، ورافقت فرقها يوم الاقتراع. ومن دروسها بُنيت تجربة تركمان بارح.',
      summary_en:
        'The first local election the network promoted and observed. Ghiras held information sessions on the electoral process and its teams followed the poll day. The Turkman Bareh observation was built on its lessons.',
      towns: ['C1594'],
      organizers: [orgs.ghiras!],
      memberPartners: [orgs.noon!],
      otherPartners: [],
      candidates: [],
    },
    chair,
    ctx.now,
  );
  const ghirasAdmin = users['ghiras-admin'] ?? chair;
  for (const o of [
    { kind: 'information' as const, days: 440, org: orgs.ghiras!, places: 'المركز الثقافي', women: 34, men: 51 },
    { kind: 'women-participation' as const, days: 432, org: orgs.noon!, places: 'مدرسة البنات', women: 47, men: 0 },
  ])
    await addOutreach(
      db,
      talar,
      {
        kind: o.kind,
        held_on: addDays(today, -o.days),
        town_pcode: 'C1594',
        organization_id: o.org,
        organization_name: null,
        leaflets: null,
        places: o.places,
        reached_women: o.women,
        reached_men: o.men,
        notes: '',
      },
      ghirasAdmin!,
      ctx.now,
    );

  // ——— Turkman Bareh ———
  const pollDay = addDays(today, -30);
  const staff = users['jusoor-staff'] ?? chair!;
  const admin = users['jusoor-admin'] ?? chair!;
  const tb = await saveElection(
    db,
    null,
    ctx.networkId,
    {
      title_ar: 'انتخابات المجلس المحلي في تركمان بارح',
      title_en: 'Turkman Bareh local council election',
      poll_date: pollDay,
      seats: 15,
      status: 'closed',
      summary_ar:
        'بعد تجربة تل عار، شاركت الشبكة مع منظمات أخرى في العملية الانتخابية في تركمان بارح: دعت إلى مشاركة النساء، وشجّعت الأهالي على استخراج البطاقات الانتخابية، ووزّعت منشورات تشرح العملية، ثم راقبت سير الاقتراع وفرز الأصوات في أربعة مراكز.',
      summary_en:
        "After Tal'ar, the network took part with other organizations in the electoral process in Turkman Bareh: it called for women's participation, encouraged people to obtain voter cards, distributed leaflets explaining the process, then observed the vote and the count in four centres.",
      towns: ['C1605'],
      hotline: '+963 944 555 010',
      organizers: [orgs.jusoor!, orgs.noon!],
      memberPartners: [orgs.ghiras!],
      otherPartners: [{ name_ar: 'تجمّع شباب تركمان بارح', name_en: 'Turkman Bareh Youth Gathering' }],
      candidates: [
        { kind: 'list', code: 'L1', name_ar: 'قائمة البناء', name_en: 'Al-Binaa list' },
        { kind: 'list', code: 'L2', name_ar: 'قائمة الغد', name_en: 'Al-Ghad list' },
        { kind: 'list', code: 'L3', name_ar: 'المستقلون/ات', name_en: 'Independents' },
      ],
    },
    staff,
    ctx.now,
  );

  const before = (days: number) => addDays(pollDay, -days);
  const outreach = [
    {
      kind: 'women-participation' as const,
      held_on: before(40),
      org: orgs.noon!,
      places: 'مدرسة تركمان بارح للبنات',
      women: 64,
      men: 0,
    },
    {
      kind: 'women-participation' as const,
      held_on: before(26),
      org: orgs.noon!,
      places: 'المركز المجتمعي',
      women: 41,
      men: 8,
    },
    {
      kind: 'voter-card' as const,
      held_on: before(33),
      org: orgs.jusoor!,
      places: 'خيمة أمام مبنى المجلس المحلي',
      women: 138,
      men: 162,
    },
    {
      kind: 'leaflets' as const,
      held_on: before(12),
      org: orgs.jusoor!,
      places: 'السوق، المسجد الكبير، المدارس، الفرن',
      women: 0,
      men: 0,
      leaflets: 1500,
    },
    {
      kind: 'information' as const,
      held_on: before(9),
      org: null,
      name: 'تجمّع شباب تركمان بارح',
      places: 'المركز المجتمعي',
      women: 22,
      men: 35,
    },
  ];
  for (const o of outreach)
    await addOutreach(
      db,
      tb,
      {
        kind: o.kind,
        held_on: o.held_on,
        town_pcode: 'C1605',
        organization_id: o.org,
        organization_name: o.org ? null : (o as { name?: string }).name!,
        leaflets: (o as { leaflets?: number }).leaflets ?? null,
        places: o.places,
        reached_women: o.women,
        reached_men: o.men,
        notes: '',
      },
      staff,
      ctx.now,
    );

  // Centres and stations: voters by sex per station add up to 469 women and 647 men.
  const centres = [
    { code: 'TB-01', ar: 'مدرسة تركمان بارح الابتدائية', en: 'Turkman Bareh primary school' },
    { code: 'TB-02', ar: 'مدرسة الشهداء', en: 'Al-Shuhada school' },
    { code: 'TB-03', ar: 'المركز المجتمعي', en: 'Community centre' },
    { code: 'TB-04', ar: 'مبنى المجلس المحلي', en: 'Local council building' },
  ];
  const stations = [
    { centre: 'TB-01', code: 'S1', rw: 260, rm: 250, w: 98, m: 121, womenOnly: false },
    { centre: 'TB-01', code: 'S2', rw: 240, rm: 238, w: 85, m: 112, womenOnly: false },
    { centre: 'TB-02', code: 'S1', rw: 210, rm: 230, w: 74, m: 109, womenOnly: false },
    { centre: 'TB-02', code: 'S2', rw: 190, rm: 200, w: 61, m: 97, womenOnly: false },
    { centre: 'TB-03', code: 'S1', rw: 250, rm: 260, w: 88, m: 113, womenOnly: false },
    { centre: 'TB-04', code: 'S1', rw: null, rm: null, w: 63, m: 95, womenOnly: false },
  ];
  const centreIds = new Map<string, number>();
  for (const c of centres)
    centreIds.set(c.code, await addCentre(db, tb, { code: c.code, town_pcode: 'C1605', name_ar: c.ar, name_en: c.en }));
  const stationIds: number[] = [];
  for (const s of stations)
    stationIds.push(
      await addStation(db, tb, {
        centre_id: centreIds.get(s.centre)!,
        code: s.code,
        registered_women: s.rw,
        registered_men: s.rm,
        women_only: flag(s.womenOnly),
      }),
    );

  // Forms, published.
  const candidates = await electionCandidates(db, tb);
  const formSpecs: [FormKind, string, string][] = [
    ['station', 'معلومات الصندوق', 'Station information'],
    ['opening', 'الافتتاح', 'Opening'],
    ['voting', 'سير الاقتراع', 'Voting process'],
    ['closing', 'الإغلاق والفرز', 'Closing and count'],
    ['count', 'محضر الفرز', 'Count sheet'],
    ['incident', 'حادثة', 'Incident'],
  ];
  const forms = new Map<FormKind, FormRow>();
  for (const [kind, ar, en] of formSpecs) {
    const id = await createFormDraft(
      db,
      tb,
      {
        slug: kind,
        kind,
        title_ar: ar,
        title_en: en,
        def: { questions: templateQuestions(kind, candidates) },
        rules: templateRules(kind),
      },
      staff,
      ctx.now,
    );
    await publishForm(db, tb, id, at(before(3), '10:00'));
    forms.set(kind, (await getForm(db, tb, id))!);
  }

  // Observers: first names only; codes are drawn at random like every observer's (no sequence to
  // guess from), secrets are random and not printed (a coordinator prints new cards to try the app).
  const names = ['سلمى', 'رهف', 'عبد الله', 'نور', 'محمد', 'هبة'];
  const observerIds: number[] = [];
  const supervisor = await createObserver(
    db,
    tb,
    {
      name: 'ليلى (مشرفة)',
      phone: null,
      organization_id: orgs.noon!,
      kind: 'mobile',
      route_name: 'مسار المركز',
      supervisor_id: null,
      stations: stationIds,
    },
    await hashPassword(crypto.randomBytes(16).toString('hex')),
    at(before(5), '10:00'),
  );
  for (const [i, sid] of stationIds.entries()) {
    observerIds.push(
      await createObserver(
        db,
        tb,
        {
          name: names[i]!,
          phone: null,
          organization_id: i % 2 === 0 ? orgs.jusoor! : orgs.noon!,
          kind: 'fixed',
          route_name: '',
          supervisor_id: supervisor,
          stations: [sid],
        },
        await hashPassword(crypto.randomBytes(16).toString('hex')),
        at(before(5), '10:00'),
      ),
    );
  }

  const e = (await getElection(db, tb))!;
  const active = { ...e, status: 'active' as const };
  const send = async (
    kind: FormKind,
    station: number,
    observer: number | null,
    answers: Record<string, unknown>,
    when: Date,
    enteredBy: number | null = null,
  ) =>
    ingestSubmission(
      db,
      dialect,
      {
        electionId: tb,
        electionStatus: active.status,
        form: forms.get(kind)!,
        stationId: station,
        observerId: observer,
        enteredBy,
        source: observer ? 'app' : 'web',
        key: crypto.randomUUID(),
        rawAnswers: answers,
      },
      when,
    );

  const shares = [0.46, 0.33];
  for (const [i, s] of stations.entries()) {
    const sid = stationIds[i]!;
    const obs = observerIds[i]!;
    await send(
      'opening',
      sid,
      obs,
      { opened: 'yes', opened_at: '08:0' + (i % 4), box_empty: 'yes', materials: 'yes', observer_allowed: 'yes' },
      at(pollDay, `08:1${i}`),
    );
    await send(
      'voting',
      sid,
      obs,
      {
        voters_so_far: Math.round((s.w + s.m) / 2),
        secrecy: 'yes',
        ids_checked: 'yes',
        campaigning: i === 4 ? 'o2' : 'o1',
      },
      at(pollDay, `13:0${i}`),
    );
    await send(
      'closing',
      sid,
      obs,
      {
        closed_at: '18:00',
        queue: i === 1 ? 'yes' : 'no',
        ...(i === 1 ? { queue_allowed: 'yes' } : {}),
        count_public: 'yes',
      },
      at(pollDay, `18:1${i}`),
    );
    const voters = s.w + s.m;
    const invalid = Math.round(voters * 0.05);
    const valid = voters - invalid;
    const spoiled = 3 + (i % 4);
    const received = Math.ceil((voters + spoiled + 40) / 50) * 50;
    const l1 = Math.round(valid * shares[0]!);
    const l2 = Math.round(valid * shares[1]!);
    const sheet: Record<string, number> = {
      ...(s.rw !== null ? { registered_women: s.rw, registered_men: s.rm! } : {}),
      voters_women: s.w,
      voters_men: s.m,
      ballots_received: received,
      ballots_unused: received - voters - spoiled,
      ballots_spoiled: spoiled,
      valid,
      invalid,
      blank: Math.floor(invalid / 3),
      [voteField('L1')]: l1,
      [voteField('L2')]: l2,
      [voteField('L3')]: valid - l1 - l2,
    };
    await send('count', sid, obs, sheet, at(pollDay, `20:${10 + i * 5}`));
    // The second entry, typed from the paper sheet at the office.
    if (i === 3) {
      // One typing slip: the clerk swapped two digits in the men's count.
      await send('count', sid, null, { ...sheet, voters_men: 79 }, at(pollDay, '21:30'), staff);
    } else if (i !== 5) {
      await send('count', sid, null, sheet, at(pollDay, `21:0${i}`), staff);
    }
  }
  // The conflict decided against the photo of the paper sheet.
  const conflict = await db
    .selectFrom('count_sheets')
    .select(['id', 'values_json'])
    .where('election_id', '=', tb)
    .where('status', '=', 'conflict')
    .executeTakeFirst();
  if (conflict) {
    const first = await db
      .selectFrom('observation_submissions')
      .select('answers')
      .where('sheet_id', '=', conflict.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const values = Object.fromEntries(
      Object.entries(JSON.parse(first.answers) as Record<string, unknown>).filter(([, x]) => typeof x === 'number'),
    ) as Record<string, number>;
    await resolveSheet(
      db,
      conflict.id,
      values,
      forms.get('count')!.ruleList,
      'رُجع إلى صورة المحضر الورقي: عدد المقترعين ٩٧.',
      admin,
      at(pollDay, '21:50'),
    );
  }
  // An incident, verified by the coordinator.
  const inc = await send(
    'incident',
    stationIds[4]!,
    observerIds[4]!,
    {
      type: 'o4',
      description: 'طُلب من ثلاث ناخبات العودة لاحقاً بسبب الازدحام، ثم سُمح لهن بالاقتراع.',
      happened_at: '11:40',
    },
    at(pollDay, '11:45'),
  );
  if (inc.status === 'created')
    await db
      .updateTable('observation_submissions')
      .set({
        status: 'verified',
        verified_by: admin,
        verified_at: at(pollDay, '12:30').toISOString(),
        verification_comment: 'تأكدت المشرفة بالهاتف.',
      })
      .where('id', '=', inc.id)
      .execute();

  // The statement: drafted by one person, approved by another, published the next day.
  const cutoff = at(pollDay, '22:00');
  const figures = await freezeFigures(db, e, cutoff);
  const network = await db
    .selectFrom('networks')
    .select(['name_ar', 'name_en'])
    .where('id', '=', ctx.networkId)
    .executeTakeFirstOrThrow();
  const published = at(addDays(pollDay, 1), '11:00');
  await db
    .insertInto('election_statements')
    .values({
      election_id: tb,
      version: 1,
      status: 'published',
      figures: toJson(figures),
      text_ar: statementText(i18n.translator('ar', { digits: 'latn' }), figures, network.name_ar),
      text_en: statementText(i18n.translator('en', { digits: 'latn' }), figures, network.name_en),
      change_note_ar: '',
      change_note_en: '',
      cutoff_at: cutoff.toISOString(),
      drafted_by: staff,
      drafted_at: at(pollDay, '23:00').toISOString(),
      approved_by: admin === staff ? chair! : admin,
      approved_at: published.toISOString(),
      published_on: damascusDay(published),
    })
    .execute();
}
