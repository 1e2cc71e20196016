import { describe, expect, it } from 'vitest';
import {
  ANALYZER_VERSION,
  englishStem,
  indexTokens,
  lightStem,
  queryTerms,
  stripClitics,
  suffixStems,
} from './stem.js';

/** Whole-word matching as the search core does it: every query word meets one of the text's forms. */
function finds(query: string, text: string): boolean {
  const indexed = new Set(indexTokens(text));
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((t) => t.forms.some((f) => indexed.has(f)));
}

/** Each [query, text] pair is found (or, with `false`, missed). */
function expectFinds(pairs: [string, string][], found: boolean) {
  for (const [q, text] of pairs) expect(finds(q, text), `"${q}" in "${text}"`).toBe(found);
}

// Realistic searches on the network's site. `found: false` rows would be known misses of the scheme;
// the clitic and ending rules and the dictionary (broken plurals, synonyms) now reach all of them.
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
  { q: 'ورشات', text: 'ورشة عمل حول الحوكمة المحلية', found: true },
  { q: 'المرشحين', text: 'قائمة مرشحي المجلس المحلي', found: true },
  { q: 'تمكين المرأة', text: 'مشروع تمكينِ المرأةِ اقتصادياً', found: true },
  { q: 'نازحين', text: 'مخيمات للنازحين في أخترين', found: true },
  { q: 'خدمات قانونية', text: 'تقدم المنظمة الخدمات القانونية مجاناً', found: true },
  { q: 'ترکمان بارح', text: 'قافلة مساعدات إلى تركمان بارح', found: true },
  { q: '١٢ خزان', text: 'توزيع 12 خزان مياه', found: true },
  { q: 'Afrin', text: 'Workshop in Afrin on local councils', found: true },
  { q: 'councils', text: 'Local council elections', found: true },
  { q: 'صحة', text: 'افتتاح مركز صحي في الباب', found: true },
  { q: 'التعليم', text: 'تعليم الأطفال في المخيمات', found: true },
  { q: 'الأطفال', text: 'أنشطة ترفيهية للأطفال', found: true },
  { q: 'المجالس المحلية', text: 'انتخابات المجلس المحلي', found: true },
  { q: 'مراقب', text: 'فريق المراقبين الميدانيين', found: true },
  { q: 'انتخاب', text: 'مراقبة انتخابات المجالس', found: true },
  { q: 'اجتماعات', text: 'محضر الاجتماع الشهري', found: true },
  { q: 'منظمة', text: 'المنظمات الشريكة', found: true },
  { q: 'صحية', text: 'الرعاية الصحية الأولية', found: true },
];

describe('search forms', () => {
  it.each(MATCH_TABLE)('"$q" in "$text" → $found', ({ q, text, found }) => {
    expect(finds(q, text)).toBe(found);
  });

  it('matches all 30 realistic query/text pairs as whole words', () => {
    expect(MATCH_TABLE.filter((r) => finds(r.q, r.text))).toHaveLength(30);
  });

  it('finds broken plurals and synonyms through the dictionary, both ways', () => {
    expectFinds(
      [
        ['أطفال', 'رعاية الطفل'],
        ['طفل', 'أنشطة للأطفال'],
        ['مدارس', 'افتتاح مدرسة'],
        ['المياه', 'توزيع الماء'],
        ['مستوصف', 'افتتاح مركز صحي في الباب'],
        ['المراكز الصحية', 'عيادة متنقلة'],
        ['انتخابات', 'Local council elections'],
      ],
      true,
    );
  });

  it('reads prefixes, pronouns and endings the same in a query and a text', () => {
    expectFinds(
      [
        ['التعليمية', 'برامج تعليمية'],
        ['مدرستنا', 'افتتاح المدرسة'],
        ['وللأطفال', 'الأطفال'],
        ['مسئول', 'مسؤول المشروع'],
      ],
      true,
    );
  });

  it('keeps words whose first letter only looks like a preposition whole', () => {
    expectFinds(
      [
        ['طاقة', 'بطاقة هوية'],
        ['زيت', 'زيتون'],
      ],
      false,
    );
  });

  it('finds a word with or without the article, either way round', () => {
    expectFinds(
      [
        ['انتخابات', 'الانتخابات'],
        ['الانتخابات', 'انتخابات'],
        ['المجتمع', 'للمجتمع'],
      ],
      true,
    );
  });

  it('requires every query word, ignoring filler words when there are others', () => {
    expect(finds('مدارس أعزاز', 'مدارس مارع')).toBe(false);
    expect(finds('مدارس في أعزاز', 'مدارس أعزاز')).toBe(true);
    // Function words are not indexed: a query of them alone finds nothing.
    expect(finds('في', 'في')).toBe(false);
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

describe('word forms', () => {
  it('takes proclitics off (the lone و or ف only in indexed text)', () => {
    expect(stripClitics('والمدرسه')).toEqual(['مدرسه']);
    expect(stripClitics('للجنه')).toEqual(['جنه', 'لجنه']);
    expect(stripClitics('بمدرسه')).toEqual(['مدرسه']);
    expect(stripClitics('ومدرسه', 'index')).toEqual(['مدرسه']);
    expect(stripClitics('ومدرسه', 'query')).toEqual([]);
    expect(stripClitics('بطاقه')).toEqual([]);
  });

  it('takes endings off, with a second reading when a pronoun followed a taa marbuta', () => {
    expect(suffixStems('تعليميه')).toEqual(['تعليم']);
    expect(suffixStems('انتخابات')).toEqual(['انتخاب']);
    expect(suffixStems('مدرستنا')).toEqual(['مدرست', 'مدرس']);
    expect(suffixStems('زيتون')).toEqual(['زيتون']);
    expect(suffixStems('elections')).toEqual(['election']);
    expect(englishStem('policies')).toBe('policy');
    expect(englishStem('classes')).toBe('class');
  });

  it('indexes each word under its distinct forms, function words left out', () => {
    expect(indexTokens('الانتخابات')).toEqual(['الانتخابات', 'انتخابات', 'الانتخاب', 'انتخاب', '\u0673election']);
    expect(indexTokens('Afrin')).toEqual(['afrin']);
    expect(indexTokens('في')).toEqual([]);
  });

  it('has a version that names the rules and the dictionary', () => {
    expect(ANALYZER_VERSION).toMatch(/^\d+\.[0-9a-f]{8}$/);
  });
});
