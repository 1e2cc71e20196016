// The network's taxonomies, as HSDS taxonomies with stable ids: the IASC humanitarian clusters,
// the network's own service categories (each mapped to a cluster), and target groups. A service
// is tagged with attributes linking it to these terms; choosing a category also tags its cluster.
import { uuidV5 } from './hsds/text.js';

export type TermDef = { code: string; ar: string; en: string; descAr: string; descEn: string };

const taxonomyId = (key: string) => uuidV5(`wasl:taxonomy:${key}`);
export const termId = (taxonomy: string, code: string) => uuidV5(`wasl:term:${taxonomy}:${code}`);

export const TAXONOMIES = {
  clusters: {
    id: taxonomyId('iasc-clusters'),
    ar: 'القطاعات الإنسانية (نظام المجموعات)',
    en: 'IASC humanitarian clusters',
    descAr: 'المجموعات القطاعية للعمل الإنساني كما حددتها اللجنة الدائمة المشتركة بين الوكالات.',
    descEn: 'The humanitarian clusters defined by the Inter-Agency Standing Committee.',
    uri: 'https://interagencystandingcommittee.org/the-iasc-cluster-approach',
  },
  categories: {
    id: taxonomyId('wasl-categories'),
    ar: 'فئات خدمات الشبكة',
    en: 'Network service categories',
    descAr: 'الفئات التي تصنّف بها المنظمات الأعضاء خدماتها.',
    descEn: 'The categories member organizations file their services under.',
    uri: null,
  },
  groups: {
    id: taxonomyId('wasl-target-groups'),
    ar: 'الفئات المستهدفة',
    en: 'Target groups',
    descAr: 'الفئات التي تستهدفها الخدمة.',
    descEn: 'Who a service is meant for.',
    uri: null,
  },
} as const;
export type TaxonomyKey = keyof typeof TAXONOMIES;

export const CLUSTERS: TermDef[] = [
  { code: 'protection', ar: 'الحماية', en: 'Protection', descAr: 'قطاع الحماية.', descEn: 'Protection cluster.' },
  { code: 'health', ar: 'الصحة', en: 'Health', descAr: 'قطاع الصحة.', descEn: 'Health cluster.' },
  { code: 'education', ar: 'التعليم', en: 'Education', descAr: 'قطاع التعليم.', descEn: 'Education cluster.' },
  {
    code: 'early-recovery',
    ar: 'التعافي المبكر وسبل العيش',
    en: 'Early recovery and livelihoods',
    descAr: 'قطاع التعافي المبكر وسبل العيش.',
    descEn: 'Early recovery and livelihoods cluster.',
  },
  {
    code: 'food-security',
    ar: 'الأمن الغذائي',
    en: 'Food security',
    descAr: 'قطاع الأمن الغذائي والزراعة.',
    descEn: 'Food security and agriculture cluster.',
  },
  {
    code: 'shelter-nfi',
    ar: 'المأوى والمواد غير الغذائية',
    en: 'Shelter and non-food items',
    descAr: 'قطاع المأوى والمواد غير الغذائية.',
    descEn: 'Shelter and NFI cluster.',
  },
  {
    code: 'wash',
    ar: 'المياه والصرف الصحي والنظافة',
    en: 'Water, sanitation and hygiene',
    descAr: 'قطاع المياه والصرف الصحي والنظافة.',
    descEn: 'WASH cluster.',
  },
  { code: 'nutrition', ar: 'التغذية', en: 'Nutrition', descAr: 'قطاع التغذية.', descEn: 'Nutrition cluster.' },
  {
    code: 'cccm',
    ar: 'تنسيق وإدارة المخيمات',
    en: 'Camp coordination and camp management',
    descAr: 'قطاع تنسيق وإدارة المخيمات.',
    descEn: 'CCCM cluster.',
  },
];

/** The network's categories; `cluster` is the IASC cluster each belongs to. */
export const CATEGORIES: (TermDef & { cluster: string })[] = [
  {
    code: 'legal-aid',
    cluster: 'protection',
    ar: 'المساعدة القانونية',
    en: 'Legal aid',
    descAr: 'استشارات قانونية ومرافقة أمام الجهات الرسمية.',
    descEn: 'Legal advice and accompaniment before official bodies.',
  },
  {
    code: 'documentation',
    cluster: 'protection',
    ar: 'الوثائق المدنية',
    en: 'Civil documentation',
    descAr: 'المساعدة في استخراج الوثائق المدنية وتسجيل الوقائع.',
    descEn: 'Help obtaining civil documents and registering births, marriages and deaths.',
  },
  {
    code: 'psychosocial',
    cluster: 'protection',
    ar: 'الدعم النفسي الاجتماعي',
    en: 'Psychosocial support',
    descAr: 'جلسات دعم فردية وجماعية وإحالة إلى الرعاية المتخصصة.',
    descEn: 'Individual and group support sessions and referral to specialised care.',
  },
  {
    code: 'protection',
    cluster: 'protection',
    ar: 'الحماية',
    en: 'Protection',
    descAr: 'إدارة الحالات وحماية الطفل والوقاية من العنف.',
    descEn: 'Case management, child protection and violence prevention.',
  },
  {
    code: 'health',
    cluster: 'health',
    ar: 'الصحة',
    en: 'Health',
    descAr: 'خدمات طبية ورعاية صحية أولية.',
    descEn: 'Medical services and primary health care.',
  },
  {
    code: 'education',
    cluster: 'education',
    ar: 'التعليم',
    en: 'Education',
    descAr: 'صفوف تعليمية ودروس تقوية ومحو أمية.',
    descEn: 'Classes, catch-up learning and literacy.',
  },
  {
    code: 'training',
    cluster: 'early-recovery',
    ar: 'التدريب',
    en: 'Training',
    descAr: 'دورات تدريبية مهنية ومهارات حياتية.',
    descEn: 'Vocational and life-skills training courses.',
  },
  {
    code: 'livelihoods',
    cluster: 'early-recovery',
    ar: 'سبل العيش',
    en: 'Livelihoods',
    descAr: 'دعم المشاريع الصغيرة وفرص العمل.',
    descEn: 'Small-business support and work opportunities.',
  },
  {
    code: 'food',
    cluster: 'food-security',
    ar: 'الغذاء',
    en: 'Food',
    descAr: 'سلال غذائية ووجبات.',
    descEn: 'Food baskets and meals.',
  },
  {
    code: 'water',
    cluster: 'wash',
    ar: 'المياه والنظافة',
    en: 'Water and hygiene',
    descAr: 'مياه الشرب ومواد النظافة.',
    descEn: 'Drinking water and hygiene items.',
  },
  {
    code: 'shelter',
    cluster: 'shelter-nfi',
    ar: 'المأوى',
    en: 'Shelter',
    descAr: 'ترميم المساكن ومواد الإيواء.',
    descEn: 'Home repairs and shelter materials.',
  },
];

export const GROUPS: TermDef[] = [
  { code: 'women', ar: 'النساء', en: 'Women', descAr: 'النساء والفتيات.', descEn: 'Women and girls.' },
  {
    code: 'children',
    ar: 'الأطفال',
    en: 'Children',
    descAr: 'الأطفال دون الثامنة عشرة.',
    descEn: 'Children under 18.',
  },
  {
    code: 'youth',
    ar: 'اليافعون/ات والشباب',
    en: 'Youth',
    descAr: 'من الخامسة عشرة إلى الرابعة والعشرين.',
    descEn: 'Aged 15 to 24.',
  },
  { code: 'older-people', ar: 'كبار السن', en: 'Older people', descAr: 'كبار السن.', descEn: 'Older people.' },
  {
    code: 'disability',
    ar: 'الأشخاص ذوو/ذوات الإعاقة',
    en: 'Persons with disabilities',
    descAr: 'الأشخاص ذوو/ذوات الإعاقة.',
    descEn: 'Persons with disabilities.',
  },
  {
    code: 'displaced',
    ar: 'النازحون/ات',
    en: 'Displaced people',
    descAr: 'النازحون/ات داخلياً.',
    descEn: 'Internally displaced people.',
  },
  {
    code: 'returnees',
    ar: 'العائدون/ات',
    en: 'Returnees',
    descAr: 'العائدون/ات إلى مناطقهم/ن.',
    descEn: 'People who have returned home.',
  },
  {
    code: 'host-community',
    ar: 'المجتمع المضيف',
    en: 'Host community',
    descAr: 'سكان البلدات المضيفة.',
    descEn: 'Residents of host towns.',
  },
];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code);
export const GROUP_CODES = GROUPS.map((g) => g.code);

/** All taxonomy and term rows, for the migration and for tests. */
export function taxonomyRows() {
  const taxonomies = Object.values(TAXONOMIES).map((t) => ({
    id: t.id,
    name_ar: t.ar,
    name_en: t.en,
    description_ar: t.descAr,
    description_en: t.descEn,
    uri: t.uri,
    version: null,
    extra: '{}',
  }));
  const term = (key: TaxonomyKey, d: TermDef, parent: string | null = null) => ({
    id: termId(key, d.code),
    code: d.code,
    name_ar: d.ar,
    name_en: d.en,
    description_ar: d.descAr,
    description_en: d.descEn,
    parent_id: parent,
    taxonomy: TAXONOMIES[key].en,
    language: null,
    taxonomy_id: TAXONOMIES[key].id,
    term_uri: null,
    extra: '{}',
  });
  const terms = [
    ...CLUSTERS.map((d) => term('clusters', d)),
    ...CATEGORIES.map((d) => term('categories', d)),
    ...GROUPS.map((d) => term('groups', d)),
  ];
  return { taxonomies, terms };
}

export function clusterOf(category: string): TermDef | undefined {
  const c = CATEGORIES.find((x) => x.code === category);
  return c ? CLUSTERS.find((x) => x.code === c.cluster) : undefined;
}
