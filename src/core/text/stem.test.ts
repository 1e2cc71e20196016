import { describe, expect, it } from 'vitest';
import { indexTokens, lightStem, queryTerms, stemArabic } from './stem.js';

/** Whole-word matching as the search core does it: every query word meets one of the text's forms. */
function finds(query: string, text: string): boolean {
  const indexed = new Set(indexTokens(text));
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((forms) => forms.some((f) => indexed.has(f)));
}

// Realistic searches on the network's site. `found: false` rows are known misses of this scheme
// (broken plurals, Snowball's uneven suffix rules), kept here so a change in either direction shows.
const MATCH_TABLE: { q: string; text: string; found: boolean }[] = [
  { q: 'انتخابات', text: 'نتائج الانتخابات المحلية في أعزاز', found: true },
  { q: 'الانتخابات', text: 'مراقبة انتخابات المجالس المحلية', found: true },
  { q: 'مدرسه', text: 'افتتاح مدرسة جديدة في مارع', found: true },
  { q: 'اعزاز', text: 'ورشة عمل في أعزاز حول الحوكمة', found: true },
  { q: 'مُرَاقَبَة', text: 'تدريب فريق المراقبة على الاستمارات', found: true },
  { q: 'مراقبة', text: 'فريق المُراقَبة الميدانية', found: true },
  { q: 'منظمات المجتمع المدني', text: 'لقاء شبكة منظّمات المجتمع المدنيّ في حلب', found: true },
  { q: 'الدعم النفسي', text: 'جلسات دعم نفسي للأطفال', found: true },
  { q: 'ناخبين', text: 'حملة توعية الناخبين', found: true },
  { q: 'المياه', text: 'نقص مياه الشرب في تل عار', found: true },
  { q: 'سلال غذائية', text: 'توزيع السلال الغذائية على العائلات', found: true },
  { q: 'متدربة', text: 'شهادات المتدربين/ات في دورة الإسعافات الأولية', found: true },
  { q: 'ورشات', text: 'ورشة عمل حول الحوكمة المحلية', found: false },
  { q: 'المرشحين', text: 'قائمة مرشحي المجلس المحلي', found: true },
  { q: 'تمكين المرأة', text: 'مشروع تمكينِ المرأةِ اقتصادياً', found: true },
  { q: 'نازحين', text: 'مخيمات للنازحين في أخترين', found: true },
  { q: 'خدمات قانونية', text: 'تقدم المنظمة الخدمات القانونية مجاناً', found: true },
  { q: 'ترکمان بارح', text: 'قافلة مساعدات إلى تركمان بارح', found: true },
  { q: '١٢ خزان', text: 'توزيع 12 خزان مياه', found: true },
  { q: 'Afrin', text: 'Workshop in Afrin on local councils', found: true },
  { q: 'councils', text: 'Local council elections', found: true },
  { q: 'صحة', text: 'افتتاح مركز صحي في الباب', found: false },
  { q: 'التعليم', text: 'تعليم الأطفال في المخيمات', found: true },
  { q: 'الأطفال', text: 'أنشطة ترفيهية للأطفال', found: true },
  { q: 'المجالس المحلية', text: 'انتخابات المجلس المحلي', found: false },
  { q: 'مراقب', text: 'فريق المراقبين الميدانيين', found: true },
  { q: 'انتخاب', text: 'مراقبة انتخابات المجالس', found: false },
  { q: 'اجتماعات', text: 'محضر الاجتماع الشهري', found: false },
  { q: 'منظمة', text: 'المنظمات الشريكة', found: true },
  { q: 'صحية', text: 'الرعاية الصحية الأولية', found: true },
];

describe('search forms', () => {
  it.each(MATCH_TABLE)('"$q" in "$text" → $found', ({ q, text, found }) => {
    expect(finds(q, text)).toBe(found);
  });

  it('matches 25 of the 30 realistic query/text pairs as whole words', () => {
    expect(MATCH_TABLE.filter((r) => finds(r.q, r.text))).toHaveLength(25);
  });

  it('finds a word with or without the article, either way round', () => {
    expect(finds('انتخابات', 'الانتخابات')).toBe(true);
    expect(finds('الانتخابات', 'انتخابات')).toBe(true);
    expect(finds('المجتمع', 'للمجتمع')).toBe(true);
  });

  it('requires every query word, ignoring filler words when there are others', () => {
    expect(finds('مدارس أعزاز', 'مدارس مارع')).toBe(false);
    expect(finds('مدارس في أعزاز', 'مدارس أعزاز')).toBe(true);
    expect(finds('في', 'في')).toBe(true);
  });

  it('gives no terms for an empty or punctuation-only query', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms(' *"()- ؟ ')).toEqual([]);
  });
});

describe('lightStem', () => {
  it('strips the article and the prepositions joined to it, and nothing else', () => {
    expect(lightStem('المدرسه')).toBe('مدرسه');
    expect(lightStem('والمدرسه')).toBe('مدرسه');
    expect(lightStem('بالمدرسه')).toBe('مدرسه');
    expect(lightStem('كالمدرسه')).toBe('مدرسه');
    expect(lightStem('فالمدرسه')).toBe('مدرسه');
    expect(lightStem('للمدرسه')).toBe('مدرسه');
    expect(lightStem('مدرستنا')).toBe('مدرستنا');
    expect(lightStem('الي')).toBe('الي');
  });
});

describe('stemArabic', () => {
  it('stems normalized Arabic with Snowball and keeps Latin words simple', () => {
    expect(stemArabic('مدرسة')).toBe(stemArabic('مدرسه'));
    expect(stemArabic('الناخبين')).toBe('ناخب');
    expect(stemArabic('Elections')).toBe('election');
    expect(stemArabic('2022')).toBe('2022');
  });

  it('indexes each word under its distinct forms', () => {
    expect(indexTokens('الانتخابات')).toEqual(['الانتخابات', 'انتخابات', 'انتخاب']);
    expect(indexTokens('Afrin')).toEqual(['afrin']);
  });
});
