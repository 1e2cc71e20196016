// The search dictionary: the few things about the network's words that rules cannot know. Written
// in ordinary spelling (hamza, taa marbuta, alef maqsura); the analyzer (core/text/stem.ts) reads
// every entry through the same normalization and stemming as the text, so an entry works for the
// word with or without the article, with a preposition, a pronoun or a sound plural ending.
//
// Maintaining it: add a family or a group, run `npx vitest run src/core/search/dictionary.test.ts`
// (every entry is tested in both directions). Any change here changes what is indexed: the
// analyzer version is derived from this file's content, so the search job rebuilds stored entries.
//
// Only what rules cannot reach belongs here: sound plurals (ـات، ـون، ـين), the article, the
// prepositions and the feminine ending are already handled by rules.

/**
 * Word families: the first word, then words that must find it and be found by it — broken
 * plurals and irregular forms. Only unambiguous pairs: كتب (books, but also "wrote"), طرق (roads,
 * but also "methods"), عقود (contracts, but عقد also "held") and مدن (cities, but المدني "civil"
 * stems the same) are left out on purpose.
 */
export const FAMILIES: readonly (readonly string[])[] = [
  // health
  ['طبيب', 'أطباء'],
  ['دواء', 'أدوية'],
  ['مرض', 'أمراض'],
  ['مريض', 'مرضى'],
  ['جريح', 'جرحى'],
  ['حامل', 'حوامل'],
  ['مشفى', 'مشافي'],
  // education
  ['مدرسة', 'مدارس'],
  ['طالب', 'طلاب', 'طلبة'],
  ['تلميذ', 'تلاميذ'],
  ['درس', 'دروس'],
  ['منهاج', 'مناهج'],
  // shelter
  ['خيمة', 'خيام'],
  ['منزل', 'منازل'],
  ['بيت', 'بيوت'],
  ['مسكن', 'مساكن'],
  ['ملجأ', 'ملاجئ'],
  ['مأوى', 'مآوي'],
  ['مدفأة', 'مدافئ'],
  // water
  ['ماء', 'مياه'],
  ['صهريج', 'صهاريج'],
  ['بئر', 'آبار'],
  // food
  ['طعام', 'أطعمة'],
  ['غذاء', 'أغذية'],
  ['سلة', 'سلال'],
  ['فرن', 'أفران'],
  ['مخبز', 'مخابز'],
  ['رغيف', 'أرغفة'],
  // protection and the people it is for
  ['طفل', 'أطفال'],
  ['امرأة', 'نساء', 'نسوة', 'مرأة'],
  ['رجل', 'رجال'],
  ['شاب', 'شباب', 'شبان'],
  ['بنت', 'بنات'],
  ['ولد', 'أولاد'],
  ['يتيم', 'أيتام'],
  ['أرملة', 'أرامل'],
  ['شخص', 'أشخاص'],
  ['فرد', 'أفراد'],
  ['أسرة', 'أسر'],
  ['عائلة', 'عوائل'],
  ['لغم', 'ألغام'],
  ['فئة', 'فئات'],
  ['حق', 'حقوق'],
  // documentation
  ['وثيقة', 'وثائق'],
  ['محكمة', 'محاكم'],
  ['مولود', 'مواليد'],
  ['قانون', 'قوانين'],
  // livelihoods
  ['وظيفة', 'وظائف'],
  ['فرصة', 'فرص'],
  ['منحة', 'منح'],
  ['قرض', 'قروض'],
  ['مشروع', 'مشاريع'],
  ['مهنة', 'مهن'],
  ['حرفة', 'حرف'],
  ['أداة', 'أدوات'],
  ['راتب', 'رواتب'],
  ['سوق', 'أسواق'],
  ['عامل', 'عمال'],
  // elections and local governance
  ['صندوق', 'صناديق'],
  ['صوت', 'أصوات'],
  ['مجلس', 'مجالس'],
  ['لجنة', 'لجان'],
  ['قائمة', 'قوائم'],
  ['مقعد', 'مقاعد'],
  ['دائرة', 'دوائر'],
  ['مركز', 'مراكز'],
  ['عضو', 'أعضاء'],
  ['ورقة', 'أوراق'],
  // the places and the writing of the network
  ['منطقة', 'مناطق'],
  ['قرية', 'قرى'],
  ['شارع', 'شوارع'],
  ['سنة', 'سنوات', 'سنين'],
  ['شهر', 'أشهر', 'شهور'],
  ['يوم', 'أيام'],
  ['نشاط', 'أنشطة'],
  ['برنامج', 'برامج'],
  ['تقرير', 'تقارير'],
  ['دليل', 'أدلة'],
  ['مبنى', 'مباني'],
  ['مكتب', 'مكاتب'],
  ['موقع', 'مواقع'],
  ['نتيجة', 'نتائج'],
  ['وسيلة', 'وسائل'],
  ['سؤال', 'أسئلة'],
  ['خبر', 'أخبار'],
  ['رأي', 'آراء'],
  // English irregular plurals
  ['child', 'children'],
  ['woman', 'women'],
  ['man', 'men'],
  ['person', 'people'],
];

/**
 * Synonym groups, by domain: any member finds every other (a member may be several words, found
 * when they stand together: مركز صحي، المراكز الصحية). Arabic first, English beside it.
 */
export const SYNONYMS: readonly { id: string; domain: string; terms: readonly string[] }[] = [
  {
    id: 'clinic',
    domain: 'health',
    terms: [
      'مستوصف',
      'عيادة',
      'مركز صحي',
      'مركز طبي',
      'نقطة طبية',
      'clinic',
      'dispensary',
      'health center',
      'health centre',
    ],
  },
  { id: 'hospital', domain: 'health', terms: ['مستشفى', 'مشفى', 'hospital'] },
  { id: 'doctor', domain: 'health', terms: ['طبيب', 'دكتور', 'doctor'] },
  { id: 'vaccine', domain: 'health', terms: ['لقاح', 'تطعيم', 'vaccine', 'vaccination'] },
  { id: 'medicine', domain: 'health', terms: ['دواء', 'medicine', 'medication'] },
  { id: 'psychosocial', domain: 'health', terms: ['دعم نفسي', 'psychosocial'] },
  { id: 'school', domain: 'education', terms: ['مدرسة', 'school'] },
  { id: 'student', domain: 'education', terms: ['طالب', 'تلميذ', 'student', 'pupil'] },
  { id: 'shelter', domain: 'shelter', terms: ['إيواء', 'مأوى', 'ملجأ', 'shelter'] },
  { id: 'tent', domain: 'shelter', terms: ['خيمة', 'tent'] },
  { id: 'house', domain: 'shelter', terms: ['منزل', 'بيت', 'مسكن', 'house'] },
  { id: 'heating', domain: 'shelter', terms: ['تدفئة', 'مدفأة', 'heating'] },
  { id: 'water', domain: 'water', terms: ['ماء', 'water'] },
  { id: 'tanker', domain: 'water', terms: ['صهريج', 'water tanker', 'water trucking'] },
  { id: 'food', domain: 'food', terms: ['طعام', 'غذاء', 'food'] },
  { id: 'bakery', domain: 'food', terms: ['فرن', 'مخبز', 'bakery'] },
  { id: 'child', domain: 'protection', terms: ['طفل', 'child'] },
  { id: 'woman', domain: 'protection', terms: ['امرأة', 'woman'] },
  { id: 'family', domain: 'protection', terms: ['أسرة', 'عائلة', 'family'] },
  { id: 'displaced', domain: 'protection', terms: ['نازح', 'مهجر', 'displaced', 'idp'] },
  { id: 'refugee', domain: 'protection', terms: ['لاجئ', 'refugee'] },
  {
    id: 'disability',
    domain: 'protection',
    terms: ['إعاقة', 'معاق', 'معوق', 'ذوي الاحتياجات الخاصة', 'disability', 'disabled'],
  },
  { id: 'protection', domain: 'protection', terms: ['حماية', 'protection'] },
  { id: 'document', domain: 'documentation', terms: ['وثيقة', 'مستند', 'document'] },
  {
    id: 'id_card',
    domain: 'documentation',
    terms: ['هوية', 'بطاقة شخصية', 'بطاقة هوية', 'id card', 'identity card'],
  },
  { id: 'birth', domain: 'documentation', terms: ['ولادة', 'ميلاد', 'مولود', 'birth'] },
  {
    id: 'civil_registry',
    domain: 'documentation',
    terms: ['سجل مدني', 'أحوال مدنية', 'دائرة النفوس', 'civil registry'],
  },
  { id: 'lawyer', domain: 'documentation', terms: ['محامي', 'lawyer'] },
  { id: 'job', domain: 'livelihoods', terms: ['وظيفة', 'فرصة عمل', 'job', 'employment'] },
  { id: 'grant', domain: 'livelihoods', terms: ['منحة', 'grant'] },
  { id: 'loan', domain: 'livelihoods', terms: ['قرض', 'loan'] },
  { id: 'election', domain: 'elections', terms: ['انتخاب', 'election'] },
  { id: 'voting', domain: 'elections', terms: ['تصويت', 'اقتراع', 'vote', 'voting'] },
  {
    id: 'polling_station',
    domain: 'elections',
    terms: ['مركز اقتراع', 'مركز انتخابي', 'polling station'],
  },
  { id: 'voter', domain: 'elections', terms: ['ناخب', 'voter'] },
  { id: 'candidate', domain: 'elections', terms: ['مرشح', 'candidate'] },
  { id: 'local_council', domain: 'elections', terms: ['مجلس محلي', 'local council'] },
  { id: 'municipality', domain: 'elections', terms: ['بلدية', 'municipality'] },
  { id: 'residents', domain: 'general', terms: ['أهالي', 'سكان', 'residents'] },
];

/**
 * Words whose first letter belongs to the word, though it looks like a preposition (ب، ك، ل):
 * without this, بطاقة would also be read as ب + طاقة and a search for طاقة (energy) would find
 * identity cards. Matched as the start of the word, so plurals and endings are covered.
 */
export const WHOLE_WORD_STARTS: readonly string[] = ['بطاق', 'كبير', 'كبار', 'بلدي'];

/**
 * Words the ending rules must leave whole, because the shortened word is another common word:
 * زيتون is not زيت, كانون (the month) is not كان.
 */
export const KEEP_WHOLE: readonly string[] = ['زيتون', 'كانون', 'صابون'];

/**
 * Function words: never indexed, and dropped from a query that has other words ("مدارس في أعزاز"
 * does not ask for في). علي is left out: it is also a name.
 */
export const STOPWORDS: readonly string[] = [
  'في',
  'من',
  'إلى',
  'عن',
  'مع',
  'و',
  'أو',
  'ثم',
  'أن',
  'إن',
  'لا',
  'ما',
  'هل',
  'قد',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'هو',
  'هي',
  'التي',
  'الذي',
  'الذين',
  'هناك',
  'كل',
  'أين',
  'كيف',
  'متى',
  'يوجد',
  'توجد',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'to',
  'a',
  'an',
  'with',
  'at',
  'by',
  'from',
  'is',
  'are',
  'where',
  'how',
];
