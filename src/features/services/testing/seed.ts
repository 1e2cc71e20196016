// Demo services for the nine member organizations, across towns of the northern and eastern
// Aleppo countryside: weekly hours (Saturday to Thursday), Ramadan hours and the Eid holiday
// computed from the Umm al-Qura calendar for the coming year, a temporary closure, a mobile team
// covering villages by service area, one service left unconfirmed, and feedback to moderate.
import type { WaslServices } from '../../../core/services.js';
import type { DemoContext } from '../../../core/feature.js';
import type { Db } from '../../../core/db/index.js';
import { submitFeedback } from '../feedback/actions.js';
import { addHours, confirmService, ensureMemberOrganization, saveLocation, saveService } from '../manage/actions.js';
import { DAY, addDays } from '../../../core/time.js';
import { localParts, type Weekday } from '../opening-hours.js';
import type { HoursInput, LocationInput, ServiceInput } from '../schemas.js';

const SAT_THU: Weekday[] = ['SA', 'SU', 'MO', 'TU', 'WE', 'TH'];

/** The next Ramadan and Eid al-Fitr (1–3 Shawwal) on or after `from`, in the Umm al-Qura calendar. */
export function nextRamadan(from: Date): { ramadan: [string, string]; eid: [string, string] } {
  const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const monthOf = (d: Date) => Number(hijri.formatToParts(d).find((p) => p.type === 'month')!.value);
  const dayOf = (d: Date) => Number(hijri.formatToParts(d).find((p) => p.type === 'day')!.value);
  const start = new Date(`${localParts(from).date}T12:00:00Z`);
  let first: Date | null = null;
  for (let i = 0; i < 400; i++) {
    const d = new Date(start.getTime() + i * DAY);
    if (monthOf(d) === 9) {
      // Inside Ramadan already: go back to its first day.
      first = new Date(d.getTime() - (dayOf(d) - 1) * DAY);
      break;
    }
  }
  first ??= start;
  let last = first;
  while (monthOf(new Date(last.getTime() + DAY)) === 9) last = new Date(last.getTime() + DAY);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { ramadan: [iso(first), iso(last)], eid: [addDays(iso(last), 1), addDays(iso(last), 3)] };
}

type Place = { key: string; org: string; input: LocationInput };
type Demo = {
  org: string;
  input: Partial<ServiceInput> & Pick<ServiceInput, 'name_ar' | 'name_en' | 'categories'>;
  places: string[];
  hours: Omit<HoursInput, 'place'>[];
  ramadan?: [string, string];
  closure?: { from: number; to: number; ar: string; en: string };
  staleMonths?: number;
};

const place = (
  key: string,
  org: string,
  town: string,
  name_ar: string,
  name_en: string,
  landmark_ar: string | null,
  landmark_en: string | null,
): Place => ({
  key,
  org,
  input: { name_ar, name_en, town, landmark_ar, landmark_en, latitude: null, longitude: null },
});

const PLACES: Place[] = [
  place(
    'noon-azaz',
    'noon',
    'C1564',
    'مركز نون لدعم المرأة',
    'Noon Women’s Centre',
    'قرب دوار الساعة، الطابق الأول فوق الصيدلية',
    'Near the clock roundabout, first floor above the pharmacy',
  ),
  place(
    'wathiqa-bab',
    'wathiqa',
    'C1202',
    'مكتب رابطة وثيقة',
    'Wathiqa office',
    'شارع المحكمة، مقابل مبنى المجلس المحلي',
    'Court street, opposite the local council building',
  ),
  place(
    'diyaa-jarablus',
    'diyaa',
    'C2227',
    'مركز الضياء للدعم النفسي',
    'Al-Diyaa support centre',
    'الحي الشمالي، خلف المدرسة الثانوية',
    'North quarter, behind the secondary school',
  ),
  place(
    'sanabel-mare',
    'sanabel',
    'C1643',
    'مدرسة سنابل المسائية',
    'Sanabel evening school',
    'بجانب الجامع الكبير',
    'Next to the great mosque',
  ),
  place('amal-azaz', 'amal', 'C1564', 'مشغل أمل', 'Amal workshop', 'السوق الشرقي', 'East market'),
  place('amal-mare', 'amal', 'C1643', 'مشغل أمل في مارع', 'Amal workshop, Mare’', 'طريق تل رفعت', 'Tal Rifaat road'),
  place(
    'jusoor-turkman',
    'jusoor',
    'C1605',
    'مساحة جسور الشبابية',
    'Jusoor youth space',
    'المركز الثقافي',
    'The cultural centre',
  ),
  place('jusoor-akhtarin', 'jusoor', 'C1581', 'مساحة جسور في أخترين', 'Jusoor space, Akhtarin', null, null),
  place(
    'ghiras-talar',
    'ghiras',
    'C1594',
    'مركز غراس المجتمعي',
    'Ghiras community centre',
    'مدخل البلدة من جهة الطريق العام',
    'Town entrance, main road side',
  ),
  place(
    'basma-rai',
    'basma',
    'C1250',
    'نقطة بصمة التطوعية',
    'Basma volunteer desk',
    'قرب الفرن الآلي',
    'Near the bakery',
  ),
  place(
    'furat-manbij',
    'furat',
    'C1767',
    'مقر تجمع الفرات',
    'Euphrates Collective office',
    'حي الحزاونة',
    'Hazawneh quarter',
  ),
];

const weekly = (days: Weekday[], opens: string, closes: string): Omit<HoursInput, 'place'> => ({
  kind: 'weekly',
  days,
  opens,
  closes,
  valid_from: null,
  valid_to: null,
  label_ar: null,
  label_en: null,
});

function demos(ramadan: [string, string]): Demo[] {
  return [
    {
      org: 'noon',
      places: ['noon-azaz'],
      input: {
        name_ar: 'عيادة النساء المجانية',
        name_en: 'Free women’s clinic',
        description_ar:
          'عيادة نسائية مجانية: فحص عام، متابعة الحمل، وتوعية بالصحة الإنجابية، مع طبيبة وقابلة. تُحال الحالات التي تحتاج رعاية تخصصية إلى مشفى أعزاز الوطني.',
        description_en:
          'A free clinic for women: general check-ups, pregnancy follow-up and reproductive health advice, with a doctor and a midwife. Cases needing specialised care are referred to A’zaz national hospital.',
        categories: ['health'],
        groups: ['women', 'displaced', 'host-community'],
        eligibility_ar: 'النساء والفتيات من عمر الخامسة عشرة، دون شروط إقامة.',
        eligibility_en: 'Women and girls from 15, with no residence conditions.',
        application_ar: 'الحضور مباشرة في ساعات الدوام، أو الحجز بالهاتف.',
        application_en: 'Walk in during opening hours, or book by phone.',
        phone: '+963 944 000 101',
        languages: ['ar', 'ku'],
        documents_ar: 'أي وثيقة تعريف إن وجدت (ليست شرطاً)',
        documents_en: 'Any identity document if you have one (not required)',
      },
      hours: [weekly(SAT_THU, '08:00', '14:00')],
      ramadan,
    },
    {
      org: 'noon',
      places: ['noon-azaz'],
      input: {
        name_ar: 'جلسات الدعم النفسي للنساء',
        name_en: 'Psychosocial support sessions for women',
        description_ar: 'جلسات جماعية وفردية مع مرشدة نفسية، في مساحة آمنة للنساء.',
        description_en: 'Group and individual sessions with a counsellor, in a safe space for women.',
        categories: ['psychosocial'],
        groups: ['women'],
        application_ar: 'التسجيل لدى الاستقبال أو بالهاتف؛ نقبل الإحالات من المنظمات الأخرى.',
        application_en: 'Register at reception or by phone; referrals from other organizations are welcome.',
        phone: '+963 944 000 102',
      },
      hours: [weekly(['SU', 'TU', 'TH'], '10:00', '13:00')],
    },
    {
      org: 'wathiqa',
      places: ['wathiqa-bab'],
      input: {
        name_ar: 'مساعدة قانونية في الوثائق المدنية',
        name_en: 'Legal aid for civil documents',
        description_ar:
          'استشارة ومرافقة مجانية لتسجيل الولادات والزواج والوفيات، واستخراج البطاقات العائلية والقيود المدنية، وتثبيت الملكية.',
        description_en:
          'Free advice and accompaniment to register births, marriages and deaths, obtain family booklets and civil records, and prove property.',
        categories: ['documentation', 'legal-aid'],
        groups: ['displaced', 'returnees', 'women'],
        eligibility_ar: 'كل من يحتاج وثيقة مدنية، دون شروط.',
        eligibility_en: 'Anyone who needs a civil document.',
        application_ar: 'الحضور إلى المكتب، أو الاتصال لحجز موعد مع المحامي/ة.',
        application_en: 'Come to the office, or call to book a lawyer.',
        documents_ar: 'صورة دفتر العائلة إن وجد\nشهادة شاهدين للوقائع غير المسجلة',
        documents_en: 'A copy of the family booklet if any\nTwo witnesses for unregistered events',
        phone: '+963 944 000 201',
      },
      hours: [weekly(SAT_THU, '09:00', '15:00')],
      ramadan,
    },
    {
      org: 'wathiqa',
      places: [],
      input: {
        name_ar: 'الفريق القانوني المتنقل',
        name_en: 'Mobile legal-aid team',
        description_ar: 'محامون/يات يزورون القرى حول الباب أسبوعياً لتقديم الاستشارات القانونية وجمع طلبات الوثائق.',
        description_en:
          'Lawyers visit the villages around al-Bab each week to give legal advice and collect document requests.',
        categories: ['legal-aid'],
        groups: ['displaced', 'returnees', 'host-community'],
        application_ar: 'يُعلن موعد الزيارة في المجلس المحلي لكل قرية؛ أو الاتصال بالفريق.',
        application_en: 'Visit days are posted at each village’s local council; or call the team.',
        phone: '+963 944 000 202',
        area: ['C1202', 'C1188', 'C1209', 'C1191', 'C1204', 'C1203'],
      },
      hours: [weekly(['MO', 'WE'], '09:00', '13:00')],
    },
    {
      org: 'diyaa',
      places: ['diyaa-jarablus'],
      input: {
        name_ar: 'الدعم النفسي الاجتماعي للأطفال واليافعين',
        name_en: 'Psychosocial support for children and adolescents',
        description_ar: 'أنشطة دعم نفسي جماعية للأطفال، وجلسات للأهالي حول رعاية الأطفال بعد الصدمات.',
        description_en:
          'Group psychosocial activities for children, and sessions for parents on caring for children after trauma.',
        categories: ['psychosocial', 'protection'],
        groups: ['children', 'youth'],
        phone: '+963 944 000 301',
        languages: ['ar', 'tr'],
      },
      hours: [weekly(SAT_THU, '09:00', '14:00')],
    },
    {
      org: 'diyaa',
      places: ['diyaa-jarablus'],
      input: {
        name_ar: 'جلسات الدعم الجماعي للبالغين',
        name_en: 'Group support sessions for adults',
        description_ar: 'مجموعات دعم أسبوعية للبالغين/ات الذين فقدوا أحبة.',
        description_en: 'Weekly support groups for adults who have lost loved ones.',
        categories: ['psychosocial'],
        groups: ['displaced', 'host-community'],
        phone: '+963 944 000 302',
        alert_ar: 'المركز مغلق مؤقتاً للصيانة؛ تُستأنف الجلسات بعد انتهائها.',
        alert_en: 'The centre is closed for repairs; sessions resume afterwards.',
      },
      hours: [weekly(['SA', 'MO'], '16:00', '18:00')],
      closure: { from: -2, to: 12, ar: 'إغلاق مؤقت للصيانة', en: 'Temporary closure for repairs' },
    },
    {
      org: 'sanabel',
      places: ['sanabel-mare'],
      input: {
        name_ar: 'صفوف التقوية والتعليم المسرّع',
        name_en: 'Catch-up classes',
        description_ar:
          'صفوف مسائية للأطفال المنقطعين عن الدراسة في القراءة والكتابة والرياضيات، تمهيداً للعودة إلى المدرسة.',
        description_en:
          'Afternoon classes in reading, writing and maths for children who missed school, to help them return.',
        categories: ['education'],
        groups: ['children', 'displaced'],
        eligibility_ar: 'الأطفال من السابعة إلى الرابعة عشرة.',
        eligibility_en: 'Children from 7 to 14.',
        min_age: 7,
        max_age: 14,
        phone: '+963 944 000 401',
      },
      hours: [weekly(['SA', 'SU', 'MO', 'TU', 'WE'], '13:00', '16:30')],
    },
    {
      org: 'amal',
      places: ['amal-azaz', 'amal-mare'],
      input: {
        name_ar: 'دورات مهنية: الخياطة وصيانة الهواتف',
        name_en: 'Vocational courses: sewing and phone repair',
        description_ar: 'دورات تدريبية مدتها ثلاثة أشهر، مع منحة أدوات صغيرة للمتخرجين/ات لبدء عمل.',
        description_en: 'Three-month courses, with a small tool grant for graduates to start working.',
        categories: ['training', 'livelihoods'],
        groups: ['women', 'youth'],
        application_ar: 'التسجيل في بداية كل دورة؛ الأولوية للأسر التي تعيلها نساء.',
        application_en: 'Registration at the start of each course; priority to women-headed households.',
        phone: '+963 944 000 501',
      },
      hours: [weekly(SAT_THU, '08:30', '12:30')],
    },
    {
      org: 'jusoor',
      places: ['jusoor-turkman', 'jusoor-akhtarin'],
      input: {
        name_ar: 'تدريب المهارات الحياتية للشباب',
        name_en: 'Life-skills training for young people',
        description_ar: 'ورشات في التواصل وحل النزاعات والمبادرات المجتمعية لليافعين/ات والشباب.',
        description_en: 'Workshops on communication, resolving conflicts and community initiatives for young people.',
        categories: ['training'],
        groups: ['youth'],
        phone: '+963 944 000 601',
      },
      hours: [weekly(['SU', 'TU', 'TH'], '15:00', '18:00')],
    },
    {
      org: 'ghiras',
      places: ['ghiras-talar'],
      input: {
        name_ar: 'مكتب الإرشاد والإحالة المجتمعي',
        name_en: 'Community information and referral desk',
        description_ar: 'معلومات عن الخدمات المتاحة في المنطقة، وإحالة إلى المنظمات المختصة ومتابعة الإحالة.',
        description_en: 'Information on services in the area, referral to the right organization, and follow-up.',
        categories: ['protection'],
        groups: ['displaced', 'returnees', 'host-community', 'older-people', 'disability'],
        phone: '+963 944 000 701',
      },
      hours: [weekly(SAT_THU, '09:00', '13:00')],
    },
    {
      org: 'basma',
      places: ['basma-rai'],
      input: {
        name_ar: 'مكتب مساعدة العائدين/ات',
        name_en: 'Help desk for returnees',
        description_ar: 'متطوعون/ات يساعدون العائدين/ات في معرفة الخدمات وتعبئة الطلبات والوصول إلى الجهات المحلية.',
        description_en: 'Volunteers help returnees find services, fill in forms and reach local authorities.',
        categories: ['protection', 'documentation'],
        groups: ['returnees'],
        phone: '+963 944 000 801',
      },
      hours: [weekly(['SA', 'MO', 'WE'], '10:00', '14:00')],
    },
    {
      org: 'furat',
      places: ['furat-manbij'],
      input: {
        name_ar: 'جلسات التوعية القانونية',
        name_en: 'Legal awareness sessions',
        description_ar: 'جلسات عامة عن الحقوق المدنية وقوانين الأحوال الشخصية والملكية.',
        description_en: 'Public sessions on civil rights, personal status and property law.',
        categories: ['legal-aid'],
        groups: ['women', 'youth', 'host-community'],
        phone: '+963 944 000 901',
      },
      hours: [weekly(['TU'], '11:00', '13:00')],
      staleMonths: 8,
    },
  ];
}

const defaults: Omit<ServiceInput, 'name_ar' | 'name_en' | 'categories'> = {
  description_ar: null,
  description_en: null,
  eligibility_ar: null,
  eligibility_en: null,
  application_ar: null,
  application_en: null,
  alert_ar: null,
  alert_en: null,
  status: 'active',
  groups: [],
  languages: ['ar'],
  cost: 'free',
  fee_amount: null,
  fee_currency: undefined,
  fees_ar: null,
  fees_en: null,
  documents_ar: null,
  documents_en: null,
  phone: null,
  email: null,
  url: null,
  min_age: null,
  max_age: null,
  locations: [],
  area: [],
};

/** A closure from the first day to the last, with its reason. */
const closure = ([from, to]: [string, string], ar: string, en: string): HoursInput => ({
  kind: 'closure',
  days: [],
  opens: null,
  closes: null,
  valid_from: from,
  valid_to: to,
  label_ar: ar,
  label_en: en,
  place: null,
});

export async function seedServices(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  await seedDemoServices(wasl.db, ctx.orgs, ctx.now);
}

/** Also used by tests and the bench: the demo services for these organizations. Returns their ids. */
export async function seedDemoServices(
  db: Db,
  orgs: Record<string, number>,
  now: Date,
): Promise<Record<string, string>> {
  const svcOrg: Record<string, string> = {};
  for (const [key, id] of Object.entries(orgs)) svcOrg[key] = await ensureMemberOrganization(db, id, now);
  const placeIds: Record<string, string> = {};
  for (const p of PLACES) {
    if (!svcOrg[p.org]) continue;
    placeIds[p.key] = await saveLocation(db, { id: null, organizationId: svcOrg[p.org]!, input: p.input, now });
  }
  const { ramadan, eid } = nextRamadan(now);
  const ids: Record<string, string> = {};
  const today = localParts(now).date;
  for (const d of demos(ramadan)) {
    if (!svcOrg[d.org]) continue;
    const input: ServiceInput = {
      ...defaults,
      ...d.input,
      locations: d.places.map((k) => placeIds[k]!).filter(Boolean),
    };
    const id = await saveService(db, { id: null, organizationId: svcOrg[d.org]!, input, now });
    ids[d.input.name_en] = id;
    for (const h of d.hours) await addHours(db, { serviceId: id, salId: null, input: { ...h, place: null }, now });
    if (d.ramadan) {
      await addHours(db, {
        serviceId: id,
        salId: null,
        now,
        input: {
          kind: 'seasonal',
          days: SAT_THU,
          opens: '09:00',
          closes: '13:00',
          valid_from: d.ramadan[0],
          valid_to: d.ramadan[1],
          label_ar: 'ساعات رمضان',
          label_en: 'Ramadan hours',
          place: null,
        },
      });
      await addHours(db, {
        serviceId: id,
        salId: null,
        now,
        input: closure(eid, 'عطلة عيد الفطر', 'Eid al-Fitr holiday'),
      });
    }
    if (d.closure) {
      const days: [string, string] = [addDays(today, d.closure.from), addDays(today, d.closure.to)];
      await addHours(db, { serviceId: id, salId: null, now, input: closure(days, d.closure.ar, d.closure.en) });
    }
    if (d.staleMonths) {
      await confirmService(db, id, new Date(now.getTime() - d.staleMonths * 30 * DAY), null);
    }
  }
  // Feedback: one approved (the organization sees it), two waiting for the moderators.
  const clinic = ids['Free women’s clinic'];
  if (clinic) {
    await submitFeedback(
      db,
      clinic,
      { kind: 'feedback', got_service: 'yes', rating: 5, comment: 'الطبيبة لطيفة والانتظار قصير.' },
      now,
    );
    await db
      .updateTable('svc_feedback')
      .set({ status: 'approved', moderated_at: now.toISOString() })
      .where('service_id', '=', clinic)
      .execute();
    await submitFeedback(
      db,
      clinic,
      { kind: 'feedback', got_service: 'partly', rating: 3, comment: 'لم يتوفر دواء الضغط.' },
      now,
    );
  }
  const legal = ids['Legal aid for civil documents'];
  if (legal)
    await submitFeedback(db, legal, { kind: 'report', wrong_field: 'phone', comment: 'الرقم لا يجيب منذ أسبوع.' }, now);
  return ids;
}
