// The demo network and its nine member organizations. Fictional names and text, written for
// Wasl; the towns are real communities of the northern and eastern Aleppo countryside (OCHA P-codes).
import type { OrganizationInput } from '../features/organizations/queries.js';

export const demoNetwork = {
  slug: 'wasl-north-aleppo',
  name_ar: 'شبكة وصل',
  name_en: 'Wasl Network',
  description_ar:
    'شبكة من تسع منظمات مجتمع مدني محلية في ريف حلب الشمالي والشرقي، تعمل معاً على المشاركة المدنية وتمكين الشباب والنساء ودعم المجالس المحلية، مع احتفاظ كل منظمة عضو باستقلاليتها الكاملة.',
  description_en:
    'A network of nine local civil-society organizations in the northern and eastern Aleppo countryside, working together on civic participation, youth and women’s empowerment and support to local councils, while every member keeps its full independence.',
  region_ar: 'ريف حلب الشمالي والشرقي',
  region_en: 'Northern and eastern Aleppo countryside',
};

type DemoOrg = OrganizationInput & { key: string; shortAr: string };

export const demoOrganizations: DemoOrg[] = [
  {
    key: 'ghiras',
    shortAr: 'غراس',
    name_ar: 'جمعية غراس للتنمية المجتمعية',
    name_en: 'Ghiras Community Development Association',
    description_ar:
      'تعمل غراس في تل عار على تنظيم جلسات حوار بين الأهالي والمجلس المحلي، وتدريب اللجان الأهلية على تقدير الاحتياجات.',
    description_en:
      'Ghiras organizes dialogue sessions between residents and the local council in Tal’ar, and trains neighbourhood committees in needs assessment.',
    fields: ['civic-participation', 'local-governance'],
    phone: '+963 944 120 301',
    email: 'contact@ghiras.example',
    website: null,
    towns: ['C1594', 'C1595'],
  },
  {
    key: 'jusoor',
    shortAr: 'جسور',
    name_ar: 'مبادرة جسور الشباب',
    name_en: 'Jusoor Youth Initiative',
    description_ar: 'مبادرة شبابية في تركمان بارح وأخترين تدرّب الشابات والشبان على المناصرة وإدارة المبادرات الصغيرة.',
    description_en:
      'A youth initiative in Turkman Bareh and Akhtarin that trains young women and men in advocacy and in running small initiatives.',
    fields: ['youth', 'civic-participation'],
    phone: '+963 933 451 220',
    email: null,
    website: null,
    towns: ['C1605', 'C1581'],
  },
  {
    key: 'noon',
    shortAr: 'نون',
    name_ar: 'مركز نون لدعم المرأة',
    name_en: 'Noon Women’s Support Centre',
    description_ar: 'مركز في أعزاز يقدّم الدعم القانوني والنفسي للنساء، ويعمل على زيادة مشاركة النساء في الشأن العام.',
    description_en:
      'A centre in A’zaz offering legal and psychosocial support to women and working for women’s participation in public life.',
    fields: ['women', 'legal-aid', 'psychosocial'],
    phone: '+963 988 310 774',
    email: 'info@noon-centre.example',
    website: null,
    towns: ['C1564'],
  },
  {
    key: 'wathiqa',
    shortAr: 'وثيقة',
    name_ar: 'رابطة وثيقة للمساعدة القانونية',
    name_en: 'Wathiqa Legal Aid League',
    description_ar:
      'محامون ومحاميات متطوعون في الباب يساعدون الأهالي في استخراج الوثائق المدنية وتسجيل الزواج والولادات.',
    description_en:
      'Volunteer lawyers in al-Bab helping residents obtain civil documents and register marriages and births.',
    fields: ['legal-aid', 'documentation', 'protection'],
    phone: '+963 955 208 640',
    email: null,
    website: null,
    towns: ['C1202'],
  },
  {
    key: 'sanabel',
    shortAr: 'سنابل',
    name_ar: 'منظمة سنابل للتعليم',
    name_en: 'Sanabel Education Organization',
    description_ar: 'تدعم سنابل المدارس في مارع وتدير صفوف تقوية للأطفال المنقطعين عن الدراسة.',
    description_en: 'Sanabel supports schools in Mare’ and runs catch-up classes for children who have missed school.',
    fields: ['education', 'youth'],
    phone: '+963 947 660 118',
    email: null,
    website: null,
    towns: ['C1643'],
  },
  {
    key: 'basma',
    shortAr: 'بصمة',
    name_ar: 'فريق بصمة التطوعي',
    name_en: 'Basma Volunteer Team',
    description_ar: 'فريق تطوعي في الراعي ينظّم حملات توعية ويوزّع المنشورات ويدعم الأنشطة العامة للشبكة.',
    description_en:
      'A volunteer team in al-Rai running awareness campaigns, distributing leaflets and supporting the network’s public activities.',
    fields: ['civic-participation', 'elections'],
    phone: null,
    email: null,
    website: null,
    towns: ['C1250'],
  },
  {
    key: 'diyaa',
    shortAr: 'الضياء',
    name_ar: 'جمعية الضياء للدعم النفسي',
    name_en: 'Al-Diyaa Psychosocial Support Association',
    description_ar: 'تقدّم الضياء جلسات دعم نفسي اجتماعي فردية وجماعية في جرابلس، مع مساحة آمنة للأطفال.',
    description_en:
      'Al-Diyaa offers individual and group psychosocial support sessions in Jarablus, with a safe space for children.',
    fields: ['psychosocial', 'health', 'protection'],
    phone: '+963 936 502 417',
    email: null,
    website: null,
    towns: ['C2227'],
  },
  {
    key: 'furat',
    shortAr: 'الفرات',
    name_ar: 'تجمّع مواطنة الفرات',
    name_en: 'Euphrates Citizenship Collective',
    description_ar: 'تجمّع مدني في منبج يعمل على ثقافة المواطنة ومراقبة أداء المؤسسات المحلية.',
    description_en:
      'A civic collective in Manbij working on citizenship education and on monitoring local institutions.',
    fields: ['civic-participation', 'local-governance', 'elections'],
    phone: null,
    email: 'hello@furat-citizens.example',
    website: null,
    towns: ['C1767'],
  },
  {
    key: 'amal',
    shortAr: 'أمل',
    name_ar: 'مؤسسة أمل للتمكين الاقتصادي',
    name_en: 'Amal Economic Empowerment Foundation',
    description_ar: 'تدرّب أمل النساء والشباب على المهن وإدارة المشاريع الصغيرة في أعزاز ومارع.',
    description_en: 'Amal trains women and young people in trades and small-business management in A’zaz and Mare’.',
    fields: ['livelihoods', 'women', 'youth'],
    phone: '+963 991 734 052',
    email: null,
    website: null,
    towns: ['C1564', 'C1643'],
  },
];
