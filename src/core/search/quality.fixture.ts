// The search-quality suite's items and questions (issue 15): a small directory, newsroom and forum
// of the network's domain — health, education, shelter, water, food, protection, documentation,
// livelihoods, elections — with organizations and towns, written as people here write them, and
// queries typed as people type them (with and without ال, و/ب/ل in front, ة/ه, ى/ي, أ/إ/ا, hamza
// seats, broken plurals, synonyms, misspellings, several words, a word half typed) → the items a
// person asking would want. `quality.test.ts` measures recall and precision of the first 20.
import type { SearchDocumentInput } from './index.js';

type Item = { id: string; title: string; body: string; kind?: string; lang?: 'ar' | 'en' };

// id: kind/slug; the kind comes from the prefix.
const ITEMS: Item[] = [
  // ——— health ———
  {
    id: 'service/rahma-clinic',
    title: 'مستوصف الرحمة الخيري',
    body: 'معاينة مجانية للأطفال والحوامل وكبار السن، وصرف الأدوية للأمراض المزمنة. الدوام من السبت إلى الخميس في حي الشهداء بأعزاز.',
  },
  {
    id: 'service/marea-phc',
    title: 'المركز الصحي في مارع',
    body: 'رعاية صحية أولية: لقاحات الأطفال، متابعة الحمل، وقياس الضغط والسكري.',
  },
  {
    id: 'news/polio-campaign',
    title: 'حملة تطعيم ضد شلل الأطفال في ريف حلب الشمالي',
    body: 'انطلقت حملة التلقيح في القرى والبلدات وتستهدف الأطفال دون الخامسة، وتستمر خمسة أيام.',
  },
  {
    id: 'service/bab-hospital',
    title: 'مشفى الباب الوطني',
    body: 'قسم إسعاف يعمل على مدار الساعة، عمليات جراحية، وقسم للولادة والعناية بحديثي الولادة.',
  },
  {
    id: 'forum/dentist-jarablus',
    title: 'أين أجد طبيب أسنان في جرابلس؟',
    body: 'ابني يشكو من ألم في ضرسه منذ أسبوع، هل يوجد دكتور أسنان بأسعار مقبولة؟',
  },
  {
    id: 'service/pss',
    title: 'خدمات الدعم النفسي والاجتماعي',
    body: 'جلسات دعم نفسي فردية وجماعية للأطفال واليافعين والنساء، بسرية تامة.',
  },
  // ——— education ———
  {
    id: 'news/new-school',
    title: 'افتتاح مدرسة ابتدائية جديدة في تركمان بارح',
    body: 'تستقبل المدرسة ثلاثمئة طالب وطالبة من القرى المجاورة، بدعم من المجلس المحلي.',
  },
  {
    id: 'service/tutoring-manbij',
    title: 'دروس تقوية للتلاميذ في منبج',
    body: 'دروس مجانية في الرياضيات واللغة العربية لطلاب المرحلة الإعدادية، مساءً.',
  },
  {
    id: 'resource/nfe-guide',
    title: 'دليل التعليم غير النظامي',
    body: 'دليل للمعلمين والمتطوعين: المناهج المختصرة، والأنشطة التعليمية للأطفال المنقطعين عن الدراسة.',
  },
  {
    id: 'forum/schools-rai',
    title: 'ترميم المدارس المتضررة في الراعي',
    body: 'عدة مدارس بلا نوافذ ولا مقاعد مع اقتراب الشتاء، من يستطيع المساعدة؟',
  },
  // ——— shelter ———
  {
    id: 'service/akhtarin-shelter',
    title: 'مركز إيواء النازحين في أخترين',
    body: 'مأوى مؤقت للعائلات المهجرة حديثاً، مع توزيع الخيام والبطانيات والفرش.',
  },
  {
    id: 'news/heaters',
    title: 'توزيع مدافئ ووقود للتدفئة في المخيمات',
    body: 'وزعت الفرق ألف مدفأة وكميات من المازوت على الأسر في مخيمات الشمال.',
  },
  {
    id: 'service/house-repair',
    title: 'ترميم المنازل المتضررة',
    body: 'إصلاح الأسقف والأبواب والنوافذ في البيوت المتضررة من القصف، للأسر العائدة.',
  },
  // ——— water ———
  {
    id: 'service/water-trucking',
    title: 'توزيع المياه بالصهاريج في تل عار',
    body: 'نقل مياه الشرب بالصهريج إلى الأحياء غير المخدومة بالشبكة، مرتين في الأسبوع.',
  },
  {
    id: 'news/well-pump',
    title: 'إصلاح مضخة البئر الرئيسية في الباب',
    body: 'عاد ضخ الماء إلى الشبكة بعد انقطاع دام أسبوعين، وفق المجلس المحلي.',
  },
  {
    id: 'forum/azaz-cut',
    title: 'انقطاع مياه الشرب في الحي الشمالي بأعزاز',
    body: 'منذ عشرة أيام لا يصلنا شيء، ونشتري الصهريج بسعر مرتفع.',
  },
  {
    id: 'service/tank-cleaning',
    title: 'تعقيم خزانات المياه وفحص جودتها',
    body: 'فريق يعقم الخزانات المنزلية مجاناً ويفحص الكلور في ماء الشرب.',
  },
  // ——— food ———
  {
    id: 'service/food-baskets',
    title: 'توزيع السلال الغذائية في مارع',
    body: 'سلة غذائية شهرية للأسر الأشد حاجة، بالتسجيل المسبق لدى المجلس.',
  },
  {
    id: 'service/bakery',
    title: 'مخبز خيري في جرابلس',
    body: 'خبز مدعوم بسعر رمزي، وربطة مجانية لكبار السن والأرامل.',
  },
  {
    id: 'news/prices',
    title: 'ارتفاع أسعار الطعام في الأسواق',
    body: 'ارتفع سعر الرز والسكر والزيت خلال الشهر الماضي، والأهالي يشكون.',
  },
  {
    id: 'service/kitchen',
    title: 'مطبخ مجتمعي يقدم وجبات ساخنة',
    body: 'وجبة غداء يومية للعائلات في مراكز الإيواء، خلال فصل الشتاء.',
  },
  // ——— protection ———
  {
    id: 'service/child-protection',
    title: 'حماية الطفل وإدارة الحالة',
    body: 'متابعة حالات الأطفال المعرضين للخطر: عمالة الأطفال، الزواج المبكر، والانفصال عن الأسرة.',
  },
  {
    id: 'service/safe-space',
    title: 'مساحة آمنة للنساء والفتيات',
    body: 'أنشطة توعية ودعم للمرأة، وإحالة إلى خدمات الحماية والرعاية الصحية.',
  },
  {
    id: 'news/mines',
    title: 'التوعية بمخاطر الألغام ومخلفات الحرب',
    body: 'جلسات في المدارس لتعليم الأطفال كيف يتعرفون على لغم أو جسم غريب ويبلغون عنه.',
  },
  {
    id: 'service/disability',
    title: 'دعم الأشخاص ذوي الإعاقة',
    body: 'كراسي متحركة وأطراف صناعية وعلاج فيزيائي للمعاقين حركياً.',
  },
  // ——— documentation ———
  {
    id: 'service/legal-aid',
    title: 'المساعدة القانونية في استخراج الوثائق',
    body: 'تسجيل الولادات والزواج واستخراج بطاقات الهوية، بمساعدة محامين متطوعين.',
  },
  {
    id: 'news/birth-registration',
    title: 'تسجيل المواليد الجدد في السجل المدني',
    body: 'دعت دائرة النفوس الأهالي إلى تسجيل أطفالهم الذين ولدوا خلال السنوات الماضية.',
  },
  {
    id: 'forum/lost-id',
    title: 'كيف أستخرج بطاقة شخصية بدل ضائع؟',
    body: 'فقدت هويتي أثناء النزوح، ما الأوراق المطلوبة؟',
  },
  {
    id: 'resource/marriage-guide',
    title: 'دليل تثبيت عقد الزواج في المحكمة',
    body: 'الخطوات والأوراق المطلوبة لتثبيت زواج تم خارج المحكمة، ورسوم المعاملة.',
  },
  // ——— livelihoods ———
  {
    id: 'service/women-grants',
    title: 'منح صغيرة لمشاريع النساء',
    body: 'منحة نقدية وتدريب على إدارة المشروع للنساء المعيلات لأسرهن.',
  },
  {
    id: 'news/youth-jobs',
    title: 'فرص عمل للشباب في ورش الخياطة',
    body: 'أعلنت ورشة في الراعي عن حاجتها لعشرين عاملاً وعاملة، الأولوية للشبان النازحين.',
  },
  {
    id: 'service/vocational',
    title: 'تدريب مهني في النجارة والحدادة والتمديدات الكهربائية',
    body: 'دورة مدتها ثلاثة أشهر مع عدة عمل للمتخرجين.',
  },
  {
    id: 'forum/farm-loans',
    title: 'قروض بلا فوائد للمزارعين',
    body: 'هل هناك جهة تقدم قرضاً حسناً لشراء البذور والسماد هذا الموسم؟',
  },
  // ——— elections ———
  {
    id: 'news/council-results',
    title: 'نتائج انتخابات المجلس المحلي في أعزاز',
    body: 'أعلنت اللجنة النتائج بعد فرز الأصوات، وبلغت نسبة المشاركة ستين بالمئة.',
  },
  {
    id: 'resource/voter-guide',
    title: 'دليل الناخب: كيف تصوت يوم الاقتراع',
    body: 'ما تحمله معك إلى مركز الاقتراع، وكيف تملأ ورقة التصويت وتضعها في الصندوق.',
  },
  {
    id: 'news/observers',
    title: 'تدريب مراقبي الانتخابات في مارع',
    body: 'تدرب أربعون مراقباً ومراقبة على رصد المخالفات يوم الانتخاب.',
  },
  {
    id: 'forum/polling-station',
    title: 'أين مركز الاقتراع في حينا؟',
    body: 'لم نجد اسم المدرسة في القوائم المنشورة، من يعرف؟',
  },
  {
    id: 'news/candidates',
    title: 'قوائم المرشحين للمجالس المحلية',
    body: 'نشرت الهيئة أسماء المرشحين والمرشحات في اثنتي عشرة بلدة.',
  },
  // ——— organizations ———
  {
    id: 'organization/amal',
    title: 'جمعية الأمل للإغاثة والتنمية',
    body: 'منظمة محلية تعمل في الإغاثة الغذائية والمياه والإصحاح في ريف حلب الشمالي منذ 2013.',
  },
  {
    id: 'organization/basma',
    title: 'منظمة بسمة لحماية الطفولة',
    body: 'تدير مساحات صديقة للطفل وبرامج الدعم النفسي في أعزاز ومارع.',
  },
  {
    id: 'organization/lawyers',
    title: 'رابطة المحامين الأحرار',
    body: 'محامون يقدمون الاستشارات القانونية المجانية وقضايا الأحوال الشخصية.',
  },
  // ——— towns ———
  { id: 'town/azaz', title: 'أعزاز', body: 'مدينة في ريف حلب الشمالي، مركز منطقة أعزاز.' },
  { id: 'town/marea', title: 'مارع', body: 'بلدة في منطقة أعزاز شمال حلب.' },
  { id: 'town/tal-ar', title: 'تل عار', body: 'قرية في ناحية أخترين.' },
  { id: 'town/jarablus', title: 'جرابلس', body: 'مدينة على نهر الفرات قرب الحدود.' },
  { id: 'town/manbij', title: 'منبج', body: 'مدينة في ريف حلب الشرقي.' },
  // ——— in English ———
  {
    id: 'resource/wash-report',
    title: 'Water trucking assessment, northern Aleppo',
    body: 'Findings on water tankers, prices and residents served in Azaz and Tal Ar.',
    lang: 'en',
  },
  {
    id: 'resource/election-en',
    title: 'Election observation guide',
    body: 'A guide for observers of local council elections.',
    lang: 'en',
  },
];

/** The items as search entries, one day apart (the first item the newest). */
export const QUALITY_CORPUS: SearchDocumentInput[] = ITEMS.map((item, i) => ({
  kind: item.id.split('/')[0]!,
  refId: item.id.split('/')[1]!,
  networkId: 1,
  lang: item.lang ?? 'ar',
  title: item.title,
  body: item.body,
  publishedAt: new Date(Date.UTC(2024, 5, 1) - i * 86_400_000).toISOString(),
}));

/** A question, the kind of spelling it tests, and every item that answers it (kind/slug). */
export type QualityQuery = { q: string; form: string; expect: string[] };

const WATER = [
  'service/water-trucking',
  'news/well-pump',
  'forum/azaz-cut',
  'service/tank-cleaning',
  'organization/amal',
  'resource/wash-report',
];
const ELECTION = [
  'news/council-results',
  'resource/voter-guide',
  'news/observers',
  'news/candidates',
  'resource/election-en',
];
// Items that name the local council (as the subject or in passing).
const COUNCIL = ['news/council-results', 'news/candidates', 'news/new-school', 'news/well-pump'];
const CLINIC = ['service/rahma-clinic', 'service/marea-phc'];
const SCHOOL = ['news/new-school', 'forum/schools-rai', 'news/mines', 'forum/polling-station'];
const CHILD = [
  'service/rahma-clinic',
  'service/marea-phc',
  'news/polio-campaign',
  'service/pss',
  'resource/nfe-guide',
  'service/child-protection',
  'news/mines',
  'news/birth-registration',
  'organization/basma',
];

export const QUALITY_QUERIES: QualityQuery[] = [
  // water: article, ة/ه, singular/plural, synonyms, prefixes
  { q: 'مياه', form: 'plain', expect: WATER },
  { q: 'المياه', form: 'article', expect: WATER },
  { q: 'المياة', form: 'misspelled ة for ه', expect: WATER },
  { q: 'ماء', form: 'singular of a broken plural', expect: WATER },
  { q: 'والمياه', form: 'و + article', expect: WATER },
  { q: 'بالمياه', form: 'ب + article', expect: WATER },
  { q: 'water', form: 'English synonym', expect: WATER },
  { q: 'صهريج', form: 'singular', expect: ['service/water-trucking', 'forum/azaz-cut', 'resource/wash-report'] },
  { q: 'صهاريج', form: 'broken plural', expect: ['service/water-trucking', 'forum/azaz-cut', 'resource/wash-report'] },
  {
    q: 'بالصهاريج',
    form: 'ب + article + broken plural',
    expect: ['service/water-trucking', 'forum/azaz-cut', 'resource/wash-report'],
  },
  { q: 'ابار', form: 'broken plural, no hamza', expect: ['news/well-pump'] },
  { q: 'مياه الشرب', form: 'two words', expect: ['service/water-trucking', 'forum/azaz-cut', 'service/tank-cleaning'] },
  { q: 'انقطاع المياه اعزاز', form: 'three words, no hamza', expect: ['forum/azaz-cut'] },
  { q: 'خزان', form: 'singular of a sound plural', expect: ['service/tank-cleaning'] },
  // health
  { q: 'مستوصف', form: 'synonym', expect: CLINIC },
  { q: 'عيادة', form: 'synonym', expect: CLINIC },
  { q: 'العياده', form: 'synonym, article, ه for ة', expect: CLINIC },
  { q: 'مركز صحي', form: 'two-word synonym', expect: CLINIC },
  { q: 'المراكز الصحية', form: 'plural of a two-word synonym', expect: CLINIC },
  { q: 'مستشفى', form: 'synonym with ى', expect: ['service/bab-hospital'] },
  { q: 'مستشفي', form: 'ي for ى', expect: ['service/bab-hospital'] },
  { q: 'مشافي', form: 'broken plural of a synonym', expect: ['service/bab-hospital'] },
  { q: 'طبيب', form: 'plain', expect: ['forum/dentist-jarablus'] },
  { q: 'اطباء اسنان', form: 'broken plural, no hamza, two words', expect: ['forum/dentist-jarablus'] },
  { q: 'دكتور', form: 'synonym', expect: ['forum/dentist-jarablus'] },
  { q: 'لقاح', form: 'synonym', expect: ['service/marea-phc', 'news/polio-campaign'] },
  { q: 'تطعيم الاطفال', form: 'synonym + broken plural', expect: ['service/marea-phc', 'news/polio-campaign'] },
  { q: 'ادوية', form: 'broken plural, no hamza', expect: ['service/rahma-clinic'] },
  { q: 'دواء', form: 'singular of a broken plural', expect: ['service/rahma-clinic'] },
  { q: 'دعم نفسي', form: 'two-word synonym', expect: ['service/pss', 'organization/basma'] },
  { q: 'الدعم النفسي', form: 'two words with the article', expect: ['service/pss', 'organization/basma'] },
  { q: 'ولادة', form: 'plain', expect: ['service/bab-hospital', 'service/legal-aid', 'news/birth-registration'] },
  // education
  { q: 'مدرسة', form: 'plain', expect: SCHOOL },
  { q: 'مدارس', form: 'broken plural', expect: SCHOOL },
  { q: 'المدارس', form: 'article + broken plural', expect: SCHOOL },
  { q: 'للمدرسة', form: 'لل + word', expect: SCHOOL },
  { q: 'طلاب', form: 'broken plural', expect: ['news/new-school', 'service/tutoring-manbij'] },
  { q: 'تلاميذ', form: 'broken plural', expect: ['service/tutoring-manbij', 'news/new-school'] },
  { q: 'التعليمية', form: 'nisba + article', expect: ['resource/nfe-guide', 'news/mines'] },
  { q: 'تعليم', form: 'noun', expect: ['resource/nfe-guide', 'news/mines'] },
  { q: 'دروس تقوية', form: 'two words', expect: ['service/tutoring-manbij'] },
  { q: 'مناهج', form: 'broken plural', expect: ['resource/nfe-guide'] },
  // shelter
  { q: 'مأوى', form: 'hamza on alef', expect: ['service/akhtarin-shelter', 'service/kitchen'] },
  { q: 'ماوى', form: 'no hamza', expect: ['service/akhtarin-shelter', 'service/kitchen'] },
  { q: 'ايواء', form: 'synonym, no hamza', expect: ['service/akhtarin-shelter', 'service/kitchen'] },
  { q: 'خيمة', form: 'singular of a broken plural', expect: ['service/akhtarin-shelter'] },
  { q: 'مدفأة', form: 'hamza on alef', expect: ['news/heaters'] },
  { q: 'مدفاه', form: 'no hamza, ه for ة', expect: ['news/heaters'] },
  { q: 'تدفئه', form: 'synonym, ه for ة', expect: ['news/heaters'] },
  { q: 'منزل', form: 'singular', expect: ['service/house-repair'] },
  { q: 'بيوت', form: 'broken plural of a synonym', expect: ['service/house-repair'] },
  { q: 'نازحين', form: 'sound plural', expect: ['service/akhtarin-shelter', 'news/youth-jobs'] },
  // food
  { q: 'سلة غذائية', form: 'two words, hamza seat', expect: ['service/food-baskets'] },
  { q: 'سله غذاييه', form: 'ه for ة, ي for ئ', expect: ['service/food-baskets'] },
  { q: 'سلال', form: 'broken plural', expect: ['service/food-baskets'] },
  { q: 'غذاء', form: 'synonym of food', expect: ['service/food-baskets', 'news/prices', 'organization/amal'] },
  { q: 'طعام', form: 'synonym of food', expect: ['service/food-baskets', 'news/prices', 'organization/amal'] },
  { q: 'خبز', form: 'plain', expect: ['service/bakery'] },
  { q: 'فرن', form: 'synonym of bakery', expect: ['service/bakery'] },
  { q: 'وجبات', form: 'sound plural', expect: ['service/kitchen'] },
  // protection
  { q: 'طفل', form: 'singular of a broken plural', expect: CHILD },
  { q: 'حماية الطفل', form: 'two words', expect: ['service/child-protection', 'organization/basma'] },
  { q: 'النساء', form: 'broken plural', expect: ['service/pss', 'service/safe-space', 'service/women-grants'] },
  { q: 'امراة', form: 'singular, no hamza', expect: ['service/pss', 'service/safe-space', 'service/women-grants'] },
  { q: 'لغم', form: 'singular of a broken plural', expect: ['news/mines'] },
  { q: 'الغام', form: 'broken plural, no hamza', expect: ['news/mines'] },
  { q: 'ذوي الاحتياجات الخاصة', form: 'three-word synonym', expect: ['service/disability'] },
  { q: 'اعاقة', form: 'no hamza under alef', expect: ['service/disability'] },
  { q: 'إعاقه', form: 'hamza under alef, ه for ة', expect: ['service/disability'] },
  // documentation
  { q: 'وثيقة', form: 'singular of a broken plural', expect: ['service/legal-aid'] },
  { q: 'وثائق', form: 'broken plural, hamza seat', expect: ['service/legal-aid'] },
  { q: 'وثايق', form: 'ي for ئ', expect: ['service/legal-aid'] },
  { q: 'هوية', form: 'synonym', expect: ['service/legal-aid', 'forum/lost-id'] },
  { q: 'بطاقة شخصية', form: 'two-word synonym', expect: ['service/legal-aid', 'forum/lost-id'] },
  { q: 'بطاقات', form: 'sound plural', expect: ['service/legal-aid', 'forum/lost-id'] },
  { q: 'تسجيل المواليد', form: 'two words, broken plural', expect: ['service/legal-aid', 'news/birth-registration'] },
  { q: 'سجل مدني', form: 'two-word synonym', expect: ['news/birth-registration'] },
  { q: 'محامي', form: 'synonym', expect: ['service/legal-aid', 'organization/lawyers'] },
  { q: 'تثبيت زواج', form: 'two words', expect: ['resource/marriage-guide'] },
  { q: 'محكمة', form: 'singular', expect: ['resource/marriage-guide'] },
  // livelihoods
  { q: 'منحة', form: 'singular', expect: ['service/women-grants'] },
  { q: 'منح', form: 'broken plural', expect: ['service/women-grants'] },
  { q: 'فرص عمل', form: 'two words, broken plural', expect: ['news/youth-jobs'] },
  { q: 'وظيفة', form: 'synonym of a job', expect: ['news/youth-jobs'] },
  { q: 'شباب', form: 'broken plural', expect: ['news/youth-jobs'] },
  { q: 'قرض', form: 'singular of a broken plural', expect: ['forum/farm-loans'] },
  { q: 'مشروع', form: 'singular of a broken plural', expect: ['service/women-grants'] },
  { q: 'تدريب مهني', form: 'two words', expect: ['service/vocational'] },
  // elections
  { q: 'انتخابات', form: 'sound plural, no hamza', expect: ELECTION },
  { q: 'الانتخابات', form: 'article', expect: ELECTION },
  { q: 'إنتخابات', form: 'misspelled hamza', expect: ELECTION },
  { q: 'election', form: 'English', expect: ELECTION },
  { q: 'نتائج الانتخابات', form: 'two words, hamza seat', expect: ['news/council-results'] },
  { q: 'نتايج', form: 'ي for ئ', expect: ['news/council-results'] },
  { q: 'مركز اقتراع', form: 'two-word synonym', expect: ['resource/voter-guide', 'forum/polling-station'] },
  {
    q: 'مراكز الاقتراع',
    form: 'broken plural of a two-word synonym',
    expect: ['resource/voter-guide', 'forum/polling-station'],
  },
  { q: 'مرشحين', form: 'sound plural', expect: ['news/candidates'] },
  { q: 'المجالس المحلية', form: 'broken plural, two words', expect: [...COUNCIL, 'resource/election-en'] },
  { q: 'مجلس محلي', form: 'two-word synonym', expect: [...COUNCIL, 'resource/election-en'] },
  { q: 'ناخب', form: 'singular', expect: ['resource/voter-guide'] },
  { q: 'مراقبين', form: 'sound plural', expect: ['news/observers'] },
  // organizations and towns
  { q: 'جمعية الامل', form: 'two words, no hamza', expect: ['organization/amal'] },
  { q: 'اغاثة', form: 'no hamza', expect: ['organization/amal'] },
  { q: 'محامين', form: 'sound plural', expect: ['service/legal-aid', 'organization/lawyers'] },
  { q: 'تل عار', form: 'town, two words', expect: ['service/water-trucking', 'town/tal-ar'] },
  { q: 'جرابلس', form: 'town', expect: ['forum/dentist-jarablus', 'service/bakery', 'town/jarablus'] },
  { q: 'بجرابلس', form: 'ب + town', expect: ['forum/dentist-jarablus', 'service/bakery', 'town/jarablus'] },
  { q: 'منبج', form: 'town', expect: ['service/tutoring-manbij', 'town/manbij'] },
  { q: 'مستوصف اعزاز', form: 'service + town', expect: ['service/rahma-clinic'] },
  { q: 'مياه تل عار', form: 'three words', expect: ['service/water-trucking'] },
  // a word being typed
  { q: 'صهار', form: 'prefix', expect: ['service/water-trucking'] },
  { q: 'مستوص', form: 'prefix', expect: ['service/rahma-clinic'] },
  { q: 'جراب', form: 'prefix of a town', expect: ['forum/dentist-jarablus', 'service/bakery', 'town/jarablus'] },
  { q: 'المرشح', form: 'prefix with the article', expect: ['news/candidates'] },
  { q: 'توزيع المي', form: 'word + prefix', expect: ['service/water-trucking'] },
];
