// Demo data for the forum: five categories (public news, announcements and questions, a
// members-only space for youth trainees, a staff-only coordination space) and discussions written
// for the demo. A few demo authors are created here with pseudonymous display names; they have
// random passwords that are never printed, so they cannot sign in.
import crypto from 'node:crypto';
import type { WaslServices } from '../../../core/services.js';
import type { DemoContext } from '../../../core/feature.js';
import { hashPassword } from '../../../core/auth/passwords.js';
import { createUser } from '../../../core/auth/users.js';
import { DAY, HOUR } from '../../../core/time.js';
import { createReply, createTopic } from '../topics/actions.js';
import { saveCategory } from '../topics/queries.js';
import { logModeration, setTopicFlags } from '../moderation/actions.js';
import type { CategoryInput } from '../schemas.js';

const categories: (CategoryInput & { key: string })[] = [
  {
    key: 'news',
    name_ar: 'أخبار المنطقة',
    name_en: 'Regional news',
    description_ar: 'ما يجري في بلدات ريف حلب الشمالي والشرقي: خدمات، مجالس محلية، مبادرات.',
    description_en:
      'What is happening in the towns of the northern and eastern Aleppo countryside: services, local councils, initiatives.',
    visibility: 'public',
    topic_creators: 'members',
    approval: 'none',
    position: 1,
  },
  {
    key: 'announcements',
    name_ar: 'إعلانات وفرص',
    name_en: 'Announcements and opportunities',
    description_ar: 'دورات تدريبية، فرص تطوع، دعوات ترشّح وإعلانات المنظمات الأعضاء.',
    description_en: "Training courses, volunteering, calls for candidates and member organizations' announcements.",
    visibility: 'public',
    topic_creators: 'staff',
    approval: 'none',
    position: 2,
  },
  {
    key: 'questions',
    name_ar: 'أسئلة واستفسارات',
    name_en: 'Questions',
    description_ar: 'أوراق ثبوتية، خدمات، إجراءات: اسأل/ي ويجيب من يعرف.',
    description_en: 'Documents, services, procedures: ask, and those who know answer.',
    visibility: 'public',
    topic_creators: 'members',
    approval: 'new',
    position: 3,
  },
  {
    key: 'youth',
    name_ar: 'مساحة المتدربين/ات الشباب',
    name_en: 'Youth trainees space',
    description_ar: 'للأعضاء المسجلين فقط: تجارب الدورات وأسئلة المتدربين/ات.',
    description_en: 'Signed-in members only: course experiences and trainees’ questions.',
    visibility: 'members',
    topic_creators: 'members',
    approval: 'none',
    position: 4,
  },
  {
    key: 'staff',
    name_ar: 'تنسيق فرق الشبكة',
    name_en: 'Network staff coordination',
    description_ar: 'لفرق المنظمات الأعضاء والشبكة فقط.',
    description_en: 'For staff of the member organizations and the network only.',
    visibility: 'staff',
    topic_creators: 'staff',
    approval: 'none',
    position: 5,
  },
];

const demoAuthors = [
  { username: 'umm_khaled', displayName: 'أم_خالد' },
  { username: 'ahmed_99', displayName: 'Ahmed_99!' },
  { username: 'reem_h', displayName: 'ريم.ح' },
  { username: 'abu_omar', displayName: 'AbuOmar' },
  { username: 'nour_alhuda', displayName: 'نور_الهدى' },
  { username: 'lina_azaz', displayName: 'Lina-Azaz' },
];

// The long discussion (more than twenty replies), used by the page-weight benchmark too.
const waterReplies: [string, string][] = [
  ['Sham_92', 'عندنا في الحارة الغربية نفس الشي. الصهريج صار بخمسة وعشرين ألف، وما في أحد يقدر يدفع كل أسبوع.'],
  ['ريم.ح', 'هل أحد يعرف إذا المجلس المحلي قدّم طلب صيانة للمضخة؟ سمعنا أن القطعة موجودة في أعزاز.'],
  ['AbuOmar', 'المشكلة ليست بالمضخة فقط، الكهرباء على البئر لا تأتي إلا ساعتين باليوم.'],
  ['أم_خالد', 'صحيح، وفي الساعتين لا تمتلئ الخزانات. الأولاد يحملون الغالونات من الجامع.'],
  ['نور_الهدى', 'نستطيع أن نجمع أسماء البيوت الأكثر حاجة (كبار السن، المرضى) ونقدمها للمجلس كقائمة أولويات.'],
  ['Ahmed_99!', 'فكرة جيدة، لكن بدون نشر أسماء هنا. القائمة تُسلّم باليد لمن يتابع الموضوع.'],
  ['Lina-Azaz', 'في أعزاز جرّبوا نظام دور بين الأحياء، كل حي يومين. خفّف الضغط قليلًا.'],
  ['Sham_92', 'كم كانت مدة التجربة في أعزاز؟ وهل التزم أصحاب الصهاريج بالسعر؟'],
  ['Lina-Azaz', 'حوالي شهر. السعر التزموا به لأن المجلس حدده بقرار مكتوب.'],
  ['ريم.ح', 'هذا المهم: قرار مكتوب. بدون قرار كل واحد يضع السعر الذي يريده.'],
  ['AbuOmar', 'أقترح أن نطلب اجتماعًا مفتوحًا مع المجلس، ونحضّر الأسئلة مسبقًا.'],
  ['أم_خالد', 'أنا مع الاجتماع. النساء أيضًا يجب أن يحضرن، فهن من يدير الماء في البيت.'],
  ['نور_الهدى', 'يمكن أن يكون الاجتماع في مركز المنظمة بعد العصر، حتى يناسب أكبر عدد.'],
  ['Ahmed_99!', 'سألت أحد أعضاء المجلس: قال إن هناك وعدًا من جهة داعمة بمولدة للبئر، لكن بدون موعد.'],
  ['Sham_92', 'الوعود كثيرة. لنطلب موعدًا محددًا ونكتبه في محضر الاجتماع.'],
  ['ريم.ح', 'وحتى يأتي الحل: هل من طريقة لتعقيم مياه الصهاريج؟ الأطفال أصيبوا بالإسهال الأسبوع الماضي.'],
  ['نور_الهدى', 'حبوب الكلور متوفرة في المستوصف مجانًا، حبة لكل عشرين لترًا. اسألوا الممرضة.'],
  ['AbuOmar', 'شكرًا، هذه معلومة مفيدة جدًا. سأخبر الجيران.'],
  ['أم_خالد', 'حضّرت مع جاراتي قائمة بالأسئلة للاجتماع: الموعد، السعر، الأولويات، ومن يراقب التوزيع.'],
  ['Lina-Azaz', 'أضيفي سؤالًا عن الشكاوى: أين يشتكي من لم يصله الماء في دوره؟'],
  ['Ahmed_99!', 'وسؤال عن الشفافية: أن تُعلّق جداول التوزيع على باب المجلس.'],
  ['Sham_92', 'سأكتب ملخصًا بعد الاجتماع هنا حتى يعرف من لم يستطع الحضور.'],
];

export async function seedForum(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  const { db } = wasl;
  const now = ctx.now;
  const baseUrl = wasl.config.baseUrl;

  const cat: Record<string, number> = {};
  for (const c of categories) {
    const { key, ...input } = c;
    cat[key] = await saveCategory(db, null, ctx.networkId, input, new Date(now.getTime() - 120 * DAY));
  }

  // Demo authors: pseudonymous names, no e-mail, an account old enough to be trusted.
  const ids: Record<string, number> = {};
  const memberId = ctx.users['member'];
  if (memberId) ids['Sham_92'] = memberId;
  for (const a of demoAuthors) {
    const existing = await db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
    if (existing) {
      ids[a.displayName] = existing.id;
      continue;
    }
    ids[a.displayName] = await createUser(
      db,
      {
        username: a.username,
        email: null,
        displayName: a.displayName,
        passwordHash: await hashPassword(crypto.randomBytes(24).toString('base64url')),
      },
      new Date(now.getTime() - 200 * DAY),
    );
  }
  const user = (name: string) => ids[name] ?? memberId ?? Object.values(ids)[0]!;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const topic = (categoryKey: string, author: number, title: string, body: string, hoursAgo: number) =>
    createTopic(wasl, {
      categoryId: cat[categoryKey]!,
      authorId: author,
      title,
      body,
      status: 'visible',
      now: at(hoursAgo),
    });
  const reply = (topicId: number, author: number, body: string, hoursAgo: number) =>
    createReply(wasl, { topicId, authorId: author, body, status: 'visible', now: at(hoursAgo) });

  const moderatorId = ctx.users['moderator'];
  if (moderatorId) {
    const rules = await topic(
      'announcements',
      moderatorId,
      'أهلًا بكم في منتدى وصل: قواعد المشاركة',
      [
        'هذا المنتدى مساحة لتبادل أخبار المجتمع المدني في المنطقة ونقاشها باحترام.',
        '',
        '- **لا معلومات شخصية**: لا أسماء حقيقية ولا أرقام هواتف ولا عناوين ولا صور وثائق، لك أو لغيرك.',
        '- **الإبلاغ**: إن رأيت مشاركة فيها معلومات شخصية أو إساءة، استخدم/ي زر «إبلاغ». لا يعرف أحد من أبلغ.',
        '- **الإشراف علني**: كل إجراء إشرافي يظهر في [سجل الإشراف](' + baseUrl + '/forum/moderation-log).',
      ].join('\n'),
      24 * 60,
    );
    await setTopicFlags(db, rules.topicId, { pinned: 1, locked: 1 }, at(24 * 60));
    await logModeration(db, at(24 * 60), {
      networkId: ctx.networkId,
      actorUserId: moderatorId,
      action: 'topic.pin',
      topicId: rules.topicId,
      reason: 'قواعد المنتدى',
    });
  }

  // Regional news: water shortages in Tal'ar — the long discussion.
  const water = await topic(
    'news',
    user('أم_خالد'),
    'انقطاع المياه في تل عار: الأهالي يعتمدون على الصهاريج منذ أسبوعين',
    [
      'منذ أسبوعين لم تصل المياه إلى معظم بيوت تل عار. المضخة الرئيسية متوقفة، وسعر صهريج الماء ارتفع إلى الضعف.',
      '',
      'نريد أن نعرف: من يتابع الموضوع مع المجلس المحلي؟ وهل من حل مؤقت للعائلات التي لا تستطيع الشراء؟',
    ].join('\n'),
    72,
  );
  let hours = 70;
  for (const [name, body] of waterReplies) {
    await reply(water.topicId, user(name), body, hours);
    hours -= 3;
  }
  // A reply that quotes the opening post and mentions a member by username.
  const quoted = `> [#${water.postId}](${baseUrl.replace(/\/+$/, '')}/forum/p/${water.postId}) أم\\_خالد:\n> نريد أن نعرف: من يتابع الموضوع مع المجلس المحلي؟\n\nمنظمتنا تتابع مع المجلس، وسننشر موعد الاجتماع المفتوح في قسم الإعلانات. @umm_khaled شكرًا على فتح الموضوع.`;
  const ghirasAdmin = ctx.users['ghiras-admin'];
  if (ghirasAdmin) await reply(water.topicId, ghirasAdmin, quoted, 2);

  // Announcements: a call for women candidates in Turkman Bareh.
  const staffAuthor = ctx.users['noon-admin'] ?? ghirasAdmin ?? moderatorId;
  if (staffAuthor) {
    const call = await topic(
      'announcements',
      staffAuthor,
      'دعوة لترشّح النساء لعضوية المجلس المحلي في تركمان بارح',
      [
        'تفتح لجنة الانتخابات باب الترشّح لعضوية المجلس المحلي في تركمان بارح حتى نهاية الشهر.',
        '',
        'ندعو النساء المهتمات بالشأن العام إلى الترشّح، ونقدّم جلسات تحضيرية مجانية حول:',
        '',
        '1. شروط الترشّح والأوراق المطلوبة',
        '2. كتابة برنامج انتخابي قصير وواضح',
        '3. التحدث أمام الناس والرد على الأسئلة',
        '',
        'للتسجيل في الجلسات: مراجعة مركز المنظمة في أيام الدوام.',
      ].join('\n'),
      40,
    );
    await reply(call.topicId, user('نور_الهدى'), 'هل الجلسات مفتوحة لمن لم تقرر الترشّح بعد وتريد أن تفهم أكثر؟', 30);
    await reply(call.topicId, staffAuthor, 'نعم، الجلسات مفتوحة للجميع، والقرار بعدها لكِ.', 28);
    await reply(
      call.topicId,
      user('Lina-Azaz'),
      'Is there a session in English or Kurdish for those who need it? شكرًا للمبادرة.',
      20,
    );
  }

  // Questions: renewing ID cards in al-Bab.
  const id = await topic(
    'questions',
    user('Ahmed_99!'),
    'كيف أجدد البطاقة الشخصية في الباب؟ وما الأوراق المطلوبة؟',
    'بطاقتي انتهت صلاحيتها وأحتاجها لتسجيل ابني في المدرسة. إلى أين أذهب في مدينة الباب، وما الأوراق التي يجب أن أحضرها؟',
    50,
  );
  await reply(
    id.topicId,
    user('ريم.ح'),
    'راجعت دائرة النفوس الشهر الماضي. يلزم: البطاقة القديمة، صورتان شخصيتان، وإخراج قيد حديث. الدوام من الثامنة حتى الثانية.',
    45,
  );
  await reply(id.topicId, user('AbuOmar'), 'ومن فقد البطاقة يحتاج ضبط فقدان من المخفر أولًا.', 44);
  await reply(id.topicId, user('Ahmed_99!'), 'شكرًا لكما. هل يوجد مكتب مساعدة قانونية يرافق من لا يعرف الإجراءات؟', 40);

  // Members only: youth trainees.
  const youth = await topic(
    'youth',
    user('نور_الهدى'),
    'تجربتنا في دورة التوثيق: ماذا تعلّمنا؟',
    'أنهينا الأسبوع الماضي دورة التوثيق. أكثر ما أفادني: كيف نوثّق دون أن نعرّض أحدًا للخطر. ماذا عنكم/ن؟',
    30,
  );
  await reply(
    youth.topicId,
    user('Sham_92'),
    'تعلمت أن أحذف بيانات الموقع من الصور قبل إرسالها. لم أكن أعرف أنها موجودة.',
    26,
  );

  // Staff only: coordination.
  if (ghirasAdmin) {
    const coord = await topic(
      'staff',
      ghirasAdmin,
      'تنسيق زيارات المجالس المحلية للشهر القادم',
      'نقترح توزيع الزيارات بين المنظمات حتى لا نزور المجلس نفسه مرتين في الأسبوع. من يأخذ الباب وقباسين؟',
      20,
    );
    const noonAdmin = ctx.users['noon-admin'];
    if (noonAdmin) await reply(coord.topicId, noonAdmin, 'نأخذ قباسين، ونرسل الملاحظات بعد الزيارة هنا.', 18);
  }
}
