// Demo content for the public site, written for Wasl: activity reports from the member
// organizations' towns, news, opinion articles (one under a pseudonym), two local-issue
// dossiers, resources with small generated files, the lessons-learned collection, static pages,
// and a few items still in the editorial workflow. Every person named here is fictional.
import sharp from 'sharp';
import type { WaslServices } from '../../core/services.js';
import type { DemoContext } from '../../core/feature.js';
import {
  createItem,
  publishItem,
  returnItem,
  setFeatured,
  setMedia,
  submitItem,
  updateItem,
  type ItemInput,
} from './queries.js';
import type { ItemKind } from './tables.js';

const DAY = 86_400_000;

type Demo = Partial<ItemInput> & {
  key: string;
  kind: ItemKind;
  org: string | null;
  title: string;
  summary: string;
  body: string;
  /** days before ctx.now it was published; null: not published */
  daysAgo: number | null;
  state?: 'draft' | 'submitted' | 'returned';
  returnComment?: string;
  featured?: boolean;
  cover?: [number, number, number];
  pdf?: { title: string; pages: number };
  translationOfKey?: string;
  issueKey?: string;
  /** days from ctx.now of the activity (negative: past) */
  activityDay?: number;
};

const items: Demo[] = [
  // ——— local-issue dossiers (first, so activities can point to them) ———
  {
    key: 'water-issue',
    kind: 'local_issue',
    org: 'ghiras',
    towns: ['C1594', 'C1595'],
    topics: ['water', 'local-governance'],
    title: 'المياه في تل عار: شبكة قديمة وصهاريج مكلفة',
    summary:
      'نصف أحياء تل عار الشرقية والغربية لا تصلها مياه الشبكة أكثر من يومين في الأسبوع. ملف يجمع ما رصدته غراس من جلسات الحوار والزيارات، وما وعد به المجلس المحلي.',
    body: `## القضية باختصار

تعتمد بلدتا تل عار الشرقية والغربية على بئرين وخزان مرتفع بُني قبل أكثر من ثلاثين عاماً. ومع زيادة عدد السكان بعد موجات النزوح، صارت المياه تصل إلى الأحياء الطرفية مرة أو مرتين في الأسبوع، فيشتري الأهالي المياه من الصهاريج بسعر يرهق ميزانية الأسرة.

## ما يقوله الأهالي

- في الحي الشمالي تدفع الأسرة ما يعادل ربع دخلها الشهري تقريباً ثمناً للمياه في الصيف.
- لا يعرف كثيرون جدول الضخ، ولا الجهة التي يُبلَّغ عنها عند انقطاع الخط.
- تخشى النساء من طوابير الصهاريج في ساعات الظهر، ويتحمّل الأطفال نقل الماء.

## ما يقوله المجلس المحلي

أكد مكتب الخدمات في المجلس أن المضخة الثانية معطلة منذ الشتاء، وأن طلب تمويل قطع الغيار قُدِّم إلى أكثر من جهة. ووعد المجلس بنشر جدول الضخ على لوحة الإعلانات وفي مجموعة الحي.

## ما نتابعه

1. نشر جدول الضخ أسبوعياً.
2. إصلاح المضخة الثانية قبل الصيف.
3. إشراك لجان الأحياء في تحديد أولويات تمديد الخطوط.

تُضاف إلى هذا الملف تقارير الأنشطة والمقالات المتصلة بالمياه في تل عار كلما نُشرت.`,
    daysAgo: 120,
  },
  {
    key: 'docs-issue',
    kind: 'local_issue',
    org: 'wathiqa',
    towns: ['C1202'],
    topics: ['documentation', 'legal-aid', 'protection'],
    title: 'الوثائق المدنية في الباب: أطفال بلا قيود وزيجات غير مسجّلة',
    summary:
      'آلاف العائلات في الباب لا تملك وثيقة تثبت زواجاً أو ولادة. ملف عن أسباب المشكلة وآثارها على التعليم والإرث والتنقل، وما تفعله رابطة وثيقة مع المحكمة والمجلس المحلي.',
    body: `## لماذا تهمّ الوثيقة؟

من دون بيان ولادة لا يُسجَّل الطفل في المدرسة الرسمية ولا يحصل على لقاح في بعض المراكز، ومن دون عقد زواج مثبت تفقد المرأة حقوقها عند الطلاق أو وفاة الزوج.

## أسباب المشكلة

- زيجات عُقدت عند شيخ أو في المخيمات ولم تُسجَّل في المحكمة.
- ولادات في البيوت بلا شهادة من قابلة أو مشفى.
- رسوم وتنقلات لا تقدر عليها أسر كثيرة، ووثائق فُقدت أثناء النزوح.

## ما تفعله رابطة وثيقة

تنظّم الرابطة عيادة قانونية متنقلة مرتين في الشهر، يساعد فيها محامون ومحاميات متطوعون الأهالي في تجهيز الملفات، وترافقهم إلى المحكمة عند الحاجة. وتعمل مع المجلس المحلي على تخفيض الرسوم للحالات الأشد فقراً.

> «ابني في الصف الثالث ولم يُسجَّل في أي قيد. اليوم عرفت من أين أبدأ.» — أم من حي زمزم`,
    daysAgo: 90,
  },

  // ——— activity reports ———
  {
    key: 'talar-dialogue',
    kind: 'activity',
    org: 'ghiras',
    towns: ['C1594', 'C1595'],
    topics: ['water', 'local-governance', 'civic-participation'],
    issueKey: 'water-issue',
    activityDay: -6,
    title: 'جلسة حوار في تل عار بين الأهالي ومكتب الخدمات حول جدول ضخ المياه',
    summary:
      'نحو خمسين من سكان تل عار الشرقية والغربية، بينهم سبع عشرة امرأة، ناقشوا مع مكتب الخدمات في المجلس المحلي انقطاع المياه وجدول الضخ، وخرجت الجلسة بأربع توصيات.',
    body: `نظّمت جمعية غراس للتنمية المجتمعية جلسة حوار في قاعة المركز الثقافي في تل عار، حضرها رئيس مكتب الخدمات في المجلس المحلي وعضوان من لجنة الحي الشمالي.

## ما طرحه الأهالي

- انقطاع المياه عن الحي الشمالي أكثر من خمسة أيام متتالية.
- غياب جدول معلن للضخ، وصعوبة الوصول إلى المسؤول عند الأعطال.
- ارتفاع أسعار الصهاريج في الصيف.

## التوصيات

1. يعلّق المجلس جدول الضخ أسبوعياً على لوحة الإعلانات وفي مجموعة كل حي.
2. يخصّص المجلس رقماً للإبلاغ عن الأعطال ويرد خلال يومين.
3. تُشكَّل لجنة متابعة من ثلاثة أهالٍ وعضو من المجلس تلتقي شهرياً.
4. تتابع غراس طلب تمويل إصلاح المضخة الثانية مع المنظمات الداعمة.

وتعهّد مكتب الخدمات بنشر أول جدول خلال أسبوع. ستنشر غراس ما تحقق من هذه التوصيات في الجلسة القادمة.`,
    daysAgo: 4,
    featured: true,
    cover: [46, 110, 160],
    coverAlt: 'أهالٍ يجلسون في قاعة المركز الثقافي أمام طاولة ممثلي المجلس المحلي',
    byline: 'فريق غراس',
  },
  {
    key: 'talar-needs',
    kind: 'activity',
    org: 'ghiras',
    towns: ['C1594'],
    topics: ['civic-participation', 'local-governance'],
    activityDay: -40,
    title: 'يوم تدريبي للجان الأحياء في تل عار على تقدير الاحتياجات',
    summary:
      'تدرّب اثنان وعشرون عضواً وعضوة من لجان الأحياء على جمع البيانات من البيوت وترتيب الأولويات قبل عرضها على المجلس المحلي.',
    body: `على مدى يوم كامل تدرّب أعضاء لجان الأحياء في تل عار الشرقية على أدوات بسيطة لتقدير الاحتياجات: استمارة قصيرة من عشرة أسئلة، وخريطة للحي يرسمها المشاركون بأنفسهم، وجدول لترتيب الأولويات.

## ما تعلّمه المشاركون/ات

- كيف نسأل دون أن نحرج أحداً، ولماذا لا نكتب أسماء الأسر.
- كيف نميّز بين حاجة عاجلة وحاجة مهمة.
- كيف نعرض النتائج على المجلس في صفحة واحدة.

استخدم التدريب *حقيبة أدوات تقدير الاحتياجات* المنشورة في مكتبة الشبكة، وسيجري المشاركون أول تقدير في أحيائهم خلال الشهر القادم.`,
    daysAgo: 38,
    cover: [120, 150, 70],
    coverAlt: 'مشاركون ومشاركات يرسمون خريطة الحي على ورقة كبيرة',
  },
  {
    key: 'talar-open-meeting',
    kind: 'activity',
    org: 'ghiras',
    towns: ['C1594', 'C1595'],
    topics: ['water', 'local-governance'],
    issueKey: 'water-issue',
    activityDay: 12,
    title: 'دعوة: اجتماع عام مفتوح في تل عار لمتابعة توصيات جلسة المياه',
    summary:
      'تدعو غراس أهالي تل عار إلى اجتماع عام مفتوح مع المجلس المحلي لمراجعة ما تحقق من توصيات جلسة الحوار حول المياه. الدعوة عامة والحضور مفتوح للنساء والرجال.',
    body: `بعد جلسة الحوار حول جدول ضخ المياه، تدعو جمعية غراس الأهالي إلى اجتماع عام مفتوح في قاعة المركز الثقافي، الساعة الرابعة عصراً.

## جدول الأعمال

1. ما نُفّذ من التوصيات الأربع.
2. عرض لجنة المتابعة.
3. أسئلة الأهالي وأجوبة المجلس.

القاعة مجهّزة بمكان للأطفال، ومدخلها مناسب لمستخدمي الكراسي المتحركة.`,
    daysAgo: 2,
  },
  {
    key: 'turkman-youth',
    kind: 'activity',
    org: 'jusoor',
    towns: ['C1605'],
    topics: ['youth', 'civic-participation'],
    activityDay: -20,
    title: 'يوم تدريبي في تركمان بارح: من الفكرة إلى مبادرة شبابية صغيرة',
    summary:
      'ثلاثون شاباً وشابة من تركمان بارح تدرّبوا على تحويل فكرة إلى مبادرة مكتوبة بميزانية صغيرة، وخرجت من اليوم خمس أفكار لمبادرات في الحي.',
    body: `نظّمت مبادرة جسور الشباب يوماً تدريبياً في تركمان بارح، شارك فيه ثلاثون شاباً وشابة بين السابعة عشرة والخامسة والعشرين.

## محاور اليوم

- تحديد المشكلة: ما الذي نريد تغييره في حيّنا بالضبط؟
- من المعنيّون: من نحتاج أن نقنع، ومن قد يعارض؟
- الميزانية الصغيرة: كيف نبدأ بما هو متاح؟

## الأفكار الخمس

1. تنظيف ساحة المدرسة الابتدائية وتشجيرها.
2. مكتبة صغيرة متنقلة في الحي الغربي.
3. دورة إسعافات أولية للشابات.
4. جدار لإعلانات الحي بدلاً من الرسائل المتناثرة.
5. دوري كرة قدم يجمع شباب القرى المجاورة.

ستتابع جسور مع الفرق الخمس كتابة مبادراتهم خلال شهر، وتعرض أفضلها على المجلس المحلي.`,
    daysAgo: 18,
    cover: [200, 120, 50],
    coverAlt: 'شباب وشابات يعرضون أفكارهم على لوح ورقي',
    byline: 'رامي العبدالله',
  },
  {
    key: 'turkman-youth-en',
    kind: 'activity',
    org: 'jusoor',
    lang: 'en',
    towns: ['C1605'],
    topics: ['youth', 'civic-participation'],
    activityDay: -20,
    translationOfKey: 'turkman-youth',
    title: 'Training day in Turkman Bareh: from an idea to a small youth initiative',
    summary:
      'Thirty young women and men from Turkman Bareh learned to turn an idea into a written initiative with a small budget; five neighbourhood initiatives came out of the day.',
    body: `Jusoor Youth Initiative ran a training day in Turkman Bareh for thirty participants aged seventeen to twenty-five.

## What we covered

- Naming the problem: what exactly do we want to change in our neighbourhood?
- Who is concerned: whom do we need to convince, and who might object?
- A small budget: how to start with what is already there.

## The five ideas

1. Cleaning and planting the primary school yard.
2. A small mobile library in the western quarter.
3. A first-aid course for young women.
4. A neighbourhood notice wall instead of scattered messages.
5. A football league bringing together young people from nearby villages.

Jusoor will follow up with the five teams over the next month and present the best proposals to the local council.`,
    daysAgo: 17,
    byline: 'Rami Al-Abdallah',
  },
  {
    key: 'azaz-council-visit',
    kind: 'activity',
    org: 'noon',
    towns: ['C1564'],
    topics: ['women', 'local-governance'],
    activityDay: -9,
    title: 'زيارة مركز نون إلى المجلس المحلي في أعزاز: مقعد للنساء في لجان الخدمات',
    summary:
      'التقى وفد من مركز نون بأعضاء المكتب التنفيذي في مجلس أعزاز المحلي، وقدّم ثلاث توصيات لزيادة مشاركة النساء في لجان الخدمات والمناقصات.',
    body: `زار وفد من مركز نون لدعم المرأة المجلس المحلي في أعزاز، والتقى بنائب رئيس المجلس ومسؤولة مكتب المرأة.

## ما عرضه الوفد

عرض الوفد نتائج استبيان شاركت فيه مئة وأربعون امرأة من أحياء أعزاز، أظهر أن أغلبهن لا يعرفن كيف تُختار لجان الخدمات، وأن قلة منهن حضرن اجتماعاً عاماً للمجلس.

## التوصيات

1. أن تضم كل لجنة خدمات امرأة واحدة على الأقل.
2. أن تُعقد الاجتماعات العامة في أوقات تناسب النساء العاملات.
3. أن يُنشر محضر كل اجتماع عام في مكان يسهل الوصول إليه.

وعد المجلس بدراسة التوصية الأولى في اجتماعه القادم، ورحّب بالثانية والثالثة.`,
    daysAgo: 8,
    byline: 'هبة الأحمد، ليلى الخطيب',
  },
  {
    key: 'albab-clinic',
    kind: 'activity',
    org: 'wathiqa',
    towns: ['C1202'],
    topics: ['documentation', 'legal-aid'],
    issueKey: 'docs-issue',
    activityDay: -14,
    title: 'العيادة القانونية المتنقلة في الباب: ستون ملفاً لتسجيل ولادات وزيجات',
    summary:
      'استقبلت العيادة القانونية المتنقلة لرابطة وثيقة في حي زمزم أكثر من ستين أسرة خلال يومين، وجهّزت ملفات تسجيل ولادات وتثبيت زواج لعرضها على المحكمة.',
    body: `على مدى يومين استقبل ستة محامين ومحاميات متطوعين من رابطة وثيقة الأهالي في مدرسة حي زمزم.

## ما قدّمته العيادة

- شرح الأوراق المطلوبة لكل معاملة بلغة بسيطة.
- تعبئة الطلبات وتصوير الوثائق المتوفرة.
- تحديد مواعيد مرافقة إلى المحكمة للحالات الجاهزة.

## ما لاحظناه

كثير من الحالات زيجات عُقدت قبل سنوات دون تسجيل، والعائق الأكبر رسوم المعاملات وتكاليف التنقل. تتابع الرابطة مع المجلس المحلي طلب إعفاء الأسر الأشد فقراً من الرسوم.`,
    daysAgo: 12,
    cover: [90, 80, 140],
    coverAlt: 'محامية تشرح لامرأة الأوراق المطلوبة على طاولة في صف مدرسي',
  },
  {
    key: 'mare-classes',
    kind: 'activity',
    org: 'sanabel',
    towns: ['C1643'],
    topics: ['education', 'youth'],
    activityDay: -30,
    title: 'صفوف تقوية صيفية في مارع لثمانين طفلاً وطفلة انقطعوا عن الدراسة',
    summary:
      'أنهت منظمة سنابل للتعليم صفوف تقوية صيفية في القراءة والحساب، استفاد منها ثمانون طفلاً وطفلة من مارع، عاد ستون منهم إلى المدرسة مع بداية العام.',
    body: `خلال ستة أسابيع قدّمت منظمة سنابل صفوف تقوية في القراءة والكتابة والحساب لأطفال بين الثامنة والثانية عشرة انقطعوا عن المدرسة سنة أو أكثر.

## كيف عملنا

- اختبار قصير في البداية لتوزيع الأطفال حسب المستوى، لا حسب العمر.
- مجموعات صغيرة لا تزيد على خمسة عشر طفلاً.
- لقاء أسبوعي مع الأهالي لمتابعة التقدم.

وبالتنسيق مع مديرية التربية، سُجّل ستون من الأطفال في المدارس الرسمية مع بداية العام الدراسي.`,
    daysAgo: 28,
  },
  {
    key: 'amal-graduation',
    kind: 'activity',
    org: 'amal',
    towns: ['C1564', 'C1643'],
    topics: ['livelihoods', 'women'],
    activityDay: -45,
    title: 'تخريج خمس وعشرين متدربة من دورة الخياطة وإدارة المشاريع الصغيرة',
    summary:
      'احتفلت مؤسسة أمل بتخريج دفعة من خمس وعشرين متدربة من أعزاز ومارع، أنهين ثلاثة أشهر من التدريب على الخياطة ومبادئ المحاسبة والتسويق.',
    body: `أنهت الدفعة الثالثة من دورة الخياطة وإدارة المشاريع الصغيرة في مؤسسة أمل تدريبها، وعرضت المتدربات أعمالهن في معرض صغير حضره الأهالي وتجار من السوق.

حصلت عشر متدربات على ماكينات خياطة ضمن منح صغيرة، وستتابع المؤسسة معهن ستة أشهر لتقديم النصح في التسعير والتسويق.`,
    daysAgo: 44,
  },
  {
    key: 'rai-elections',
    kind: 'activity',
    org: 'basma',
    towns: ['C1250'],
    topics: ['elections', 'civic-participation'],
    activityDay: -25,
    title: 'حملة توعية في الراعي: كيف يُنتخب المجلس المحلي؟',
    summary:
      'وزّع متطوعو ومتطوعات فريق بصمة ألفي منشور توعوي في أسواق الراعي ومدارسها، وأجابوا عن أسئلة الأهالي حول شروط الترشح والتصويت.',
    body: `على مدى أسبوع جال متطوعو فريق بصمة التطوعي في أسواق الراعي وأمام مدارسها، ووزّعوا *دليل الناخب* الذي أعدّته الشبكة.

## أكثر الأسئلة تكراراً

- من يحق له التصويت؟ وهل يحتاج النازحون إلى وثيقة خاصة؟
- هل يمكن للمرأة أن تترشح لرئاسة المجلس؟
- أين تُعلن النتائج، ومتى؟

جمع الفريق الأسئلة التي لم يجد لها جواباً، وأرسلها إلى لجنة الانتخابات المحلية، وسينشر الأجوبة حين تصل.`,
    daysAgo: 24,
  },
  {
    key: 'manbij-accountability',
    kind: 'activity',
    org: 'furat',
    towns: ['C1767'],
    topics: ['local-governance', 'civic-participation'],
    activityDay: -60,
    title: 'جلسة مساءلة في منبج: المجلس المحلي يجيب عن أسئلة الأهالي حول النظافة والإنارة',
    summary:
      'جمع تجمّع مواطنة الفرات أسئلة الأهالي مسبقاً، وأدار جلسة علنية أجاب فيها ثلاثة من أعضاء المجلس عن أسئلة النظافة وإنارة الشوارع.',
    body: `جمع تجمّع مواطنة الفرات أكثر من مئة سؤال من الأهالي عبر صناديق في المساجد والمحال، وصنّفها في خمسة محاور، ثم أدار جلسة علنية مع المجلس المحلي.

أجاب أعضاء المجلس عن أسئلة جمع النفايات وإنارة الشوارع الرئيسية، ووعدوا بنشر عقد النظافة الجديد. وسيتابع التجمّع الوعود في جلسة بعد ثلاثة أشهر.`,
    daysAgo: 58,
  },

  // ——— news ———
  {
    key: 'news-library',
    kind: 'news',
    org: null,
    towns: [],
    topics: ['civic-participation'],
    title: 'الشبكة تطلق مكتبة الموارد: أدلة وأدوات مجانية للمنظمات والمبادرات',
    summary:
      'أصبحت أدلة الشبكة وحقائب أدواتها وتقاريرها متاحة للتنزيل في مكتبة واحدة، مع مجموعة خاصة بالدروس المستفادة من عمل المنظمات الأعضاء.',
    body: `أطلقت شبكة وصل مكتبة الموارد على موقعها، وتضم أول دفعة منها دليل الناخب، وحقيبة أدوات تقدير الاحتياجات، ومجموعة *الدروس المستفادة* من الاجتماعات التمهيدية الأولى.

الموارد مجانية، ويمكن طباعتها وتوزيعها مع الإشارة إلى المصدر. وتدعو الشبكة المنظمات والمبادرات الأخرى إلى إرسال ملاحظاتها على الموارد وتجاربها في استخدامها.`,
    daysAgo: 10,
    featured: true,
  },
  {
    key: 'news-general-meeting',
    kind: 'news',
    org: null,
    towns: ['C1564'],
    topics: ['local-governance'],
    title: 'الاجتماع العام الأول للشبكة يقرّ النظام الداخلي وخطة العام',
    summary:
      'اجتمع ممثلو وممثلات المنظمات الأعضاء التسع في أعزاز، وأقرّوا النظام الداخلي للشبكة وخطة العمل للعام الأول بعد ثلاثة اجتماعات تمهيدية.',
    body: `عُقد الاجتماع العام الأول لشبكة وصل في أعزاز بحضور ممثلي وممثلات المنظمات الأعضاء التسع، وأُقرّ فيه النظام الداخلي بعد نقاش مواده في ثلاثة اجتماعات تمهيدية.

كما أقرّ الاجتماع خطة العمل للعام الأول، وأهم محاورها: دعم مشاركة الأهالي في عمل المجالس المحلية، والتوعية بالانتخابات المحلية، ونشر ما تتعلمه المنظمات من عملها.`,
    daysAgo: 70,
  },

  // ——— opinion ———
  {
    key: 'op-councils',
    kind: 'opinion',
    org: 'furat',
    towns: ['C1767'],
    topics: ['local-governance'],
    title: 'المجلس المحلي ليس جمعية خيرية',
    summary:
      'حين يشكر الأهالي المجلس على خدمة هي من واجبه، نكون قد نسينا أنه مؤسسة مسؤولة أمامنا. عن الفرق بين الإحسان والمساءلة.',
    body: `في كل مرة يُصلَح فيها خط كهرباء أو تُرصف طريق، تمتلئ مجموعات الحي بعبارات الشكر للمجلس المحلي. لا بأس بالشكر، لكنه حين يصير القاعدة ننسى أن المجلس لا يتصدّق علينا، بل يؤدي عملاً كُلِّف به ويُموَّل من أجله.

## الإحسان والمساءلة

الإحسان لا يُسأل عنه: يعطي المحسن متى شاء وكيف شاء. أما المؤسسة العامة فتُسأل: لماذا هذا الحي قبل ذاك؟ كم كلّف المشروع؟ من نفّذه؟

## ما الذي نستطيع فعله

- أن نطلب جدول الأعمال قبل الاجتماع العام، والمحضر بعده.
- أن نسأل عن المعايير قبل أن نسأل عن النتائج.
- أن نشكر حين يُنشر العقد، لا حين يُقصّ الشريط.

المساءلة ليست عداءً للمجلس، بل هي ما يجعله مجلسنا.`,
    daysAgo: 30,
    byline: 'سلمى الحسن',
  },
  {
    key: 'op-pseudonym',
    kind: 'opinion',
    org: 'wathiqa',
    towns: ['C1202'],
    topics: ['documentation', 'women'],
    issueKey: 'docs-issue',
    title: 'امرأة بلا ورقة',
    summary: 'كاتبة من الباب تروي كيف اكتشفت بعد وفاة زوجها أن زواجهما لم يُسجَّل قط، وماذا يعني ذلك لها ولأطفالها.',
    body: `لم أفكر يوماً في ورقة الزواج. عقد لنا الشيخ في بيت أهلي، وحضر الجيران، وكان ذلك كافياً للجميع. بعد وفاة زوجي عرفت أن «الجميع» لا يشمل المحكمة.

## ما لم أكن أعرفه

لا يستطيع أطفالي إثبات نسبهم إلى أبيهم دون دعوى. لا أستطيع أن أبيع البيت الذي بنيناه معاً. وعليّ أن أثبت بشهود أنني كنت زوجته، بعد سنوات رحل فيها نصف الشهود.

## لماذا أكتب باسم مستعار

لأن عائلة زوجي لا تريد أن يُقال إن ابنها لم يسجّل زواجه، ولأن قصتي ليست قصتي وحدي. في حيّنا وحده أعرف أكثر من عشر نساء مثلي.

أكتب لأقول لكل امرأة تتزوج اليوم: اسألي عن الورقة. ليست قلة ثقة، بل حماية لك ولأطفالك.`,
    daysAgo: 15,
    byline: 'أم سامر',
    bylinePseudonym: true,
  },
  {
    key: 'op-youth-en',
    kind: 'opinion',
    org: 'jusoor',
    lang: 'en',
    towns: ['C1605', 'C1581'],
    topics: ['youth'],
    title: 'Young people are not a target group',
    summary:
      'Every project proposal lists “youth” among its beneficiaries. Few ask young people what the project should be. On the difference between serving young people and working with them.',
    body: `Every proposal I have read in the past three years lists *youth* as a target group. Very few were written with a single young person in the room.

## Beneficiaries or partners

A target group receives. A partner decides. When a training course is designed without asking who will attend, the course fills its seats and changes little.

## What we try in Jusoor

- Young people choose the topics of half of our training days.
- Every initiative team presents its own budget to the local council.
- We publish what did not work, not only what did.

Young people in Turkman Bareh and Akhtarin do not need more workshops about participation. They need a seat where decisions are made.`,
    daysAgo: 22,
    byline: 'Nour Haddad',
  },

  // ——— resources ———
  {
    key: 'voter-guide',
    kind: 'resource',
    org: 'basma',
    towns: ['C1250', 'C1564', 'C1202'],
    topics: ['elections', 'civic-participation'],
    resourceType: 'leaflet',
    title: 'دليل الناخب والناخبة: خطوات التصويت في انتخابات المجلس المحلي',
    summary:
      'منشور من صفحتين يشرح بلغة بسيطة من يحق له التصويت، وما الوثائق المطلوبة، وكيف تجري عملية الاقتراع والفرز، ومتى تُعلن النتائج.',
    body: `يشرح هذا المنشور في صفحتين:

- شروط التصويت والترشح.
- الوثائق المطلوبة يوم الاقتراع، وما العمل لمن فقد وثائقه.
- خطوات الاقتراع داخل المركز، من التحقق من الاسم إلى وضع الورقة في الصندوق.
- كيف يجري الفرز، ومن يحق له حضوره.

يمكن طباعة المنشور وتوزيعه مع الإشارة إلى المصدر.`,
    daysAgo: 26,
    pdf: { title: 'Voter guide (demo file)', pages: 2 },
    filePages: 2,
    featured: true,
    cover: [170, 60, 70],
    coverAlt: 'غلاف دليل الناخب: صندوق اقتراع ويد تضع ورقة',
  },
  {
    key: 'needs-toolkit',
    kind: 'resource',
    org: 'ghiras',
    towns: ['C1594'],
    topics: ['civic-participation', 'local-governance'],
    resourceType: 'toolkit',
    title: 'حقيبة أدوات تقدير الاحتياجات للجان الأحياء',
    summary:
      'استمارة قصيرة، ودليل لرسم خريطة الحي، وجدول لترتيب الأولويات، ونموذج لعرض النتائج على المجلس المحلي في صفحة واحدة.',
    body: `أعدّت جمعية غراس هذه الحقيبة من تجربتها مع لجان الأحياء في تل عار. تضم:

1. **استمارة من عشرة أسئلة** لا تطلب اسماً ولا رقم هاتف.
2. **دليل رسم خريطة الحي**: الشوارع، المدارس، نقاط المياه، والأماكن التي يتجنبها الناس.
3. **جدول ترتيب الأولويات** بين العاجل والمهم.
4. **نموذج العرض على المجلس** في صفحة واحدة.

## قبل أن تبدأ

لا تجمع أسماء الأسر ولا عناوينها، واحفظ الاستمارات الورقية في مكان مغلق، وأتلفها بعد إدخال النتائج.`,
    daysAgo: 40,
    pdf: { title: 'Needs assessment toolkit (demo file)', pages: 12 },
    filePages: 12,
  },
  {
    key: 'lessons-prep',
    kind: 'resource',
    org: null,
    towns: ['C1564', 'C1594', 'C1202'],
    topics: ['local-governance', 'civic-participation'],
    resourceType: 'report',
    collection: 'lessons-learned',
    title: 'ما تعلّمناه من الاجتماعات التمهيدية الأولى للشبكة',
    summary:
      'خلاصة ثلاثة اجتماعات تمهيدية سبقت تأسيس الشبكة: ما نجح في الدعوة والتحضير وإدارة النقاش، وما سنفعله بشكل مختلف.',
    body: `عقدت المنظمات التسع ثلاثة اجتماعات تمهيدية قبل الاجتماع العام الأول. نكتب هنا ما تعلمناه، لنا ولمن يبدأ شبكة مثلنا.

## ما نجح

- **إرسال جدول الأعمال قبل أسبوع** مع الوثائق المطلوب نقاشها، لا قبل يوم.
- **تدوير إدارة الجلسات** بين المنظمات، فلم تشعر منظمة بأنها ضيفة عند أخرى.
- **التصويت على الصياغة بنداً بنداً** بدل التصويت على الوثيقة كلها.

## ما لم ينجح

- الاجتماع الأول استمر ست ساعات: كان جدول الأعمال أطول مما يحتمله يوم واحد.
- لم نخصص وقتاً للمنظمات الصغيرة لتطرح أسئلتها قبل النقاش، فبقيت أسئلتها بلا جواب.
- وصلت دعوة الاجتماع الثاني إلى بعض المنظمات عبر شخص واحد فقط، فغابت منظمتان.

## ما سنفعله بشكل مختلف

1. لا يزيد أي اجتماع على ثلاث ساعات، ويُقسَّم الجدول الطويل على اجتماعين.
2. نصف ساعة للأسئلة في بداية كل اجتماع.
3. تصل الدعوة إلى بريد المنظمة وإلى شخصين منها على الأقل.`,
    daysAgo: 9,
    cover: [70, 130, 110],
    coverAlt: 'طاولة اجتماع عليها أوراق جدول الأعمال وأقلام',
  },
  {
    key: 'policy-docs',
    kind: 'resource',
    org: 'wathiqa',
    towns: ['C1202'],
    topics: ['documentation', 'legal-aid'],
    resourceType: 'policy-paper',
    issueKey: 'docs-issue',
    title: 'ورقة سياسات: إعفاء الأسر الأشد فقراً من رسوم تسجيل الولادات والزواج',
    summary:
      'تقترح رابطة وثيقة على المجلس المحلي في الباب ثلاثة إجراءات لتخفيف كلفة تسجيل الوقائع المدنية، مع تقدير أثرها على موارد المجلس.',
    body: `## المشكلة

رسوم التسجيل وتكاليف التنقل تمنع أسراً كثيرة من تسجيل الولادات والزيجات، فيكبر أطفال بلا قيد.

## المقترحات

1. إعفاء الأسر المسجّلة في برامج الدعم الغذائي من الرسوم.
2. يوم شهري تنتقل فيه لجنة من المحكمة إلى الأحياء البعيدة.
3. نموذج موحّد للطلبات يُوزَّع مجاناً.

## الأثر على موارد المجلس

تقدّر الرابطة أن الإعفاء يخفض إيرادات الرسوم بنسبة صغيرة، بينما يوفّر على المجلس لاحقاً كلفة معالجة الحالات المعقدة.`,
    daysAgo: 50,
    externalUrl: 'https://example.org/wathiqa/policy-paper-registration-fees',
  },

  // ——— static pages ———
  {
    key: 'page-about',
    kind: 'page',
    org: null,
    pageKey: 'about',
    title: 'عن شبكة وصل',
    summary: '',
    body: `شبكة وصل شبكة من تسع منظمات مجتمع مدني محلية في ريف حلب الشمالي والشرقي. تأسست بعد ثلاثة اجتماعات تمهيدية، وأقرّ اجتماعها العام الأول نظامها الداخلي.

## ما نعمل عليه

- دعم مشاركة الأهالي في عمل المجالس المحلية ومساءلتها.
- التوعية بالانتخابات المحلية ومراقبتها.
- تمكين الشباب والنساء.
- نشر ما نتعلمه من عملنا في مكتبة مفتوحة.

## كيف نعمل

تحتفظ كل منظمة عضو باستقلاليتها الكاملة. تُتخذ قرارات الشبكة في الاجتماع العام، وينسّق مجلس الإدارة العمل بين الاجتماعات.`,
    daysAgo: 100,
  },
  {
    key: 'page-about-en',
    kind: 'page',
    org: null,
    lang: 'en',
    pageKey: 'about',
    translationOfKey: 'page-about',
    title: 'About the Wasl Network',
    summary: '',
    body: `Wasl is a network of nine local civil-society organizations in the northern and eastern Aleppo countryside. It was founded after three preparatory meetings; its first general meeting adopted its bylaws.

## What we work on

- Residents’ participation in the work of local councils, and holding councils to account.
- Awareness about local elections, and observing them.
- Empowering young people and women.
- Publishing what we learn in an open library.

## How we work

Every member organization keeps its full independence. Network decisions are taken by the general meeting; the board coordinates between meetings.`,
    daysAgo: 100,
  },
  {
    key: 'page-contact',
    kind: 'page',
    org: null,
    pageKey: 'contact',
    title: 'التواصل مع الشبكة',
    summary: '',
    body: `يمكن التواصل مع الشبكة عبر أي من منظماتها الأعضاء، وتجدون أرقامها وعناوينها في [صفحات المنظمات](https://wasl.example/organizations).

للملاحظات على محتوى الموقع أو طلب تصحيح: [editor@wasl.example](mailto:editor@wasl.example)

لا نطلب أي معلومات شخصية عبر الهاتف، ولا نرسل روابط لتسجيل الدخول عبر الرسائل.`,
    daysAgo: 100,
  },
  {
    key: 'page-join',
    kind: 'page',
    org: null,
    pageKey: 'join',
    title: 'كيف تنضم منظمة إلى الشبكة؟',
    summary: '',
    body: `تنضم إلى الشبكة المنظمات والمبادرات المحلية العاملة في ريف حلب الشمالي والشرقي التي تقبل ميثاقها ونظامها الداخلي.

## الخطوات

1. رسالة من المنظمة تعرّف بعملها ومكانه، ترسل إلى بريد الشبكة.
2. لقاء تعارف مع اثنتين من المنظمات الأعضاء.
3. عرض الطلب على الاجتماع العام، والتصويت عليه.

## ما تلتزم به المنظمة العضو

- حضور الاجتماعات العامة، أو إرسال من يمثلها.
- المشاركة في نشاط مشترك واحد على الأقل في السنة.
- نشر تقاريرها على موقع الشبكة، بعد مراجعة المحرّر/ة.`,
    daysAgo: 100,
  },

  // ——— still in the workflow ———
  {
    key: 'wf-submitted',
    kind: 'activity',
    org: 'jusoor',
    towns: ['C1581'],
    topics: ['youth'],
    activityDay: -3,
    title: 'دوري كرة القدم في أخترين يجمع شباب خمس قرى',
    summary: 'أول مباراة في الدوري الذي اقترحه شباب تركمان بارح في اليوم التدريبي، بمشاركة ثمانية فرق.',
    body: 'انطلق الدوري في ملعب أخترين بمشاركة ثمانية فرق من خمس قرى، وحضر المباراة الأولى أكثر من مئتي متفرج ومتفرجة.',
    daysAgo: null,
    state: 'submitted',
  },
  {
    key: 'wf-returned',
    kind: 'opinion',
    org: 'noon',
    towns: ['C1564'],
    topics: ['women'],
    title: 'لماذا تغيب النساء عن الاجتماعات العامة؟',
    summary: 'ملاحظات من عمل مركز نون في أعزاز.',
    body: 'مسودة أولى تحتاج إلى أمثلة من الاستبيان.',
    daysAgo: null,
    state: 'returned',
    returnComment: 'المقال مهم. نقترح إضافة نتائج الاستبيان بالأرقام، وتقصير الفقرة الأولى.',
    byline: 'هبة الأحمد',
  },
  {
    key: 'wf-draft',
    kind: 'activity',
    org: 'ghiras',
    towns: ['C1595'],
    topics: ['roads'],
    title: 'مسودة: جولة على طرق تل عار الغربية مع لجنة الحي',
    summary: '',
    body: 'ملاحظات أولية من الجولة — تُستكمل بعد لقاء المجلس.',
    daysAgo: null,
    state: 'draft',
  },
];

/** A small valid PDF with the given number of pages (Latin text: it is a demo file). */
export function makeDemoPdf(title: string, pages: number): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: font, then a page and its content stream per page.
  for (let p = 0; p < pages; p++) pageIds.push(4 + p * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const safe = title.replace(/[()\\]/g, '');
  for (let p = 0; p < pages; p++) {
    const text = `BT /F1 18 Tf 72 760 Td (${safe}) Tj 0 -28 Td /F1 12 Tf (Wasl Network - page ${p + 1} of ${pages}) Tj ET`;
    objects[4 + p * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + p * 2} 0 R >>`;
    objects[5 + p * 2] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A soft landscape in the given colour (a demo cover; real covers are uploaded photos). */
async function makeCover(rgb: [number, number, number]): Promise<Buffer> {
  const w = 1280;
  const h = 720;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const hill = h * 0.62 + Math.sin(x / 140) * 40 + Math.sin(x / 53) * 12;
      const sky = y < hill;
      const f = sky ? 0.55 + (0.45 * y) / h : 0.35 + (0.25 * (h - y)) / h;
      const i = (y * w + x) * 3;
      px[i] = Math.min(255, Math.round(rgb[0] * f + (sky ? 90 : 0)));
      px[i + 1] = Math.min(255, Math.round(rgb[1] * f + (sky ? 90 : 0)));
      px[i + 2] = Math.min(255, Math.round(rgb[2] * f + (sky ? 90 : 0)));
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer();
}

export async function seedPublishing(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  const { db } = wasl;
  const editor = ctx.users.editor ?? null;
  const ids = new Map<string, number>();
  const at = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * DAY);
  const author = (org: string | null) =>
    org ? (ctx.users[`${org}-staff`] ?? ctx.users[`${org}-admin`] ?? editor) : editor;

  for (const d of items) {
    const orgId = d.org ? (ctx.orgs[d.org] ?? null) : null;
    if (d.org && orgId === null) continue;
    const created = d.daysAgo !== null ? at(d.daysAgo + 2) : at(1);
    const activityDate =
      d.activityDay !== undefined ? new Date(ctx.now.getTime() + d.activityDay * DAY).toISOString().slice(0, 10) : null;
    const input: ItemInput = {
      kind: d.kind,
      organizationId: orgId,
      lang: d.lang ?? 'ar',
      title: d.title,
      summary: d.summary,
      body: d.body,
      byline: d.byline ?? '',
      bylinePseudonym: d.bylinePseudonym ?? false,
      towns: d.towns ?? [],
      topics: d.topics ?? [],
      collection: d.collection ?? null,
      resourceType: d.resourceType ?? null,
      pageKey: d.pageKey ?? null,
      translationOf: d.translationOfKey ? (ids.get(d.translationOfKey) ?? null) : null,
      localIssueId: d.issueKey ? (ids.get(d.issueKey) ?? null) : null,
      projectId: null,
      activityDate,
      coverAlt: d.coverAlt ?? '',
      filePages: d.filePages ?? null,
      externalUrl: d.externalUrl ?? null,
    };
    const writer = author(d.org);
    const id = await createItem(db, ctx.networkId, input, writer, created);
    ids.set(d.key, id);
    if (d.cover) {
      const saved = await wasl.media.save(
        db,
        { filename: 'cover.png', mimetype: 'image/png', data: await makeCover(d.cover) },
        { userId: writer, organizationId: orgId, isPublic: true, imagesOnly: true },
        created,
      );
      if (saved.ok) await setMedia(db, id, 'cover_media_id', saved.media.id);
    }
    if (d.pdf) {
      const saved = await wasl.media.save(
        db,
        { filename: 'resource.pdf', mimetype: 'application/pdf', data: makeDemoPdf(d.pdf.title, d.pdf.pages) },
        { userId: writer, organizationId: orgId, isPublic: false },
        created,
      );
      if (saved.ok) await setMedia(db, id, 'file_media_id', saved.media.id);
    }
    const admin = d.org ? (ctx.users[`${d.org}-admin`] ?? writer) : editor;
    if (d.daysAgo !== null) {
      if (d.org) await submitItem(db, id, admin, at(d.daysAgo + 1));
      await publishItem(db, id, editor, at(d.daysAgo));
      if (d.featured && editor) await setFeatured(db, id, true, editor, at(d.daysAgo));
    } else if (d.state === 'submitted' || d.state === 'returned') {
      await submitItem(db, id, admin, at(1));
      if (d.state === 'returned' && editor) await returnItem(db, id, editor, d.returnComment ?? '', ctx.now);
    }
  }

  // A correction after publication, so the revision history has something to show.
  const dialogue = ids.get('talar-dialogue');
  const original = items.find((i) => i.key === 'talar-dialogue')!;
  if (dialogue && editor) {
    const row = await db.selectFrom('pub_items').selectAll().where('id', '=', dialogue).executeTakeFirstOrThrow();
    const towns = await db.selectFrom('pub_item_towns').select('town_pcode').where('item_id', '=', dialogue).execute();
    const topics = await db.selectFrom('pub_item_topics').select('topic').where('item_id', '=', dialogue).execute();
    await updateItem(
      db,
      dialogue,
      {
        kind: row.kind,
        organizationId: row.organization_id,
        lang: row.lang,
        title: row.title,
        summary: row.summary,
        body: `${original.body}\n\n*تصحيح: ورد في نسخة سابقة أن الجلسة عُقدت في مبنى المجلس، والصحيح أنها عُقدت في قاعة المركز الثقافي.*`,
        byline: row.byline,
        bylinePseudonym: false,
        towns: towns.map((t) => t.town_pcode),
        topics: topics.map((t) => t.topic),
        collection: null,
        resourceType: null,
        pageKey: null,
        translationOf: null,
        localIssueId: row.local_issue_id,
        projectId: null,
        activityDate: row.activity_date,
        coverAlt: row.cover_alt,
        filePages: null,
        externalUrl: null,
      },
      editor,
      at(3),
    );
  }
}
