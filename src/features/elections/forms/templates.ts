// Starting questions for each kind of form; the coordinator edits them in the builder.
import { COUNT_FIELDS, countQuestions, DEFAULT_COUNT_RULES, type Question } from './formdef.js';
import type { FormKind } from '../tables.js';

const yn = (
  id: string,
  ar: string,
  en: string,
  criticalAnswer: 'yes' | 'no' | null = null,
  extra: Partial<Question> = {},
): Question => ({
  id,
  type: 'yesno',
  label_ar: ar,
  label_en: en,
  required: true,
  criticalAnswer,
  ...extra,
});

export function templateQuestions(
  kind: FormKind,
  candidates: { code: string; name_ar: string; name_en: string }[],
): Question[] {
  switch (kind) {
    case 'station':
      return [
        yn('women_room', 'هل توجد غرفة اقتراع خاصة بالنساء؟', 'Is there a polling room for women only?'),
        yn(
          'accessible',
          'هل يسهل وصول كبار السن وذوي/ات الإعاقة؟',
          'Can older people and people with disabilities reach it easily?',
        ),
        {
          id: 'staff_women',
          type: 'number',
          label_ar: 'عدد النساء في لجنة الصندوق',
          label_en: 'Women on the station committee',
          required: false,
          min: 0,
          max: 50,
        },
      ];
    case 'opening':
      return [
        yn('opened', 'هل فُتح الصندوق؟', 'Did the station open?', 'no'),
        {
          id: 'opened_at',
          type: 'time',
          label_ar: 'وقت الافتتاح',
          label_en: 'Opening time',
          required: true,
          showIf: { question: 'opened', equals: 'yes' },
        },
        yn('box_empty', 'هل عُرض الصندوق فارغاً قبل إغلاقه؟', 'Was the ballot box shown empty before sealing?', 'no', {
          showIf: { question: 'opened', equals: 'yes' },
        }),
        yn('materials', 'هل المواد الانتخابية كاملة؟', 'Are all election materials present?', 'no', {
          showIf: { question: 'opened', equals: 'yes' },
        }),
        yn('observer_allowed', 'هل سُمح لك بالمراقبة؟', 'Were you allowed to observe?', 'no'),
      ];
    case 'voting':
      return [
        {
          id: 'voters_so_far',
          type: 'number',
          label_ar: 'عدد المقترعين/ات حتى الآن',
          label_en: 'Voters so far',
          required: true,
          min: 0,
          max: 10000,
        },
        yn('secrecy', 'هل تُحترم سرية الاقتراع؟', 'Is the secrecy of the vote respected?', 'no'),
        yn('ids_checked', 'هل يُتحقق من البطاقات الانتخابية؟', 'Are voter cards checked?', 'no'),
        {
          id: 'campaigning',
          type: 'choice',
          label_ar: 'هل توجد دعاية انتخابية داخل المركز؟',
          label_en: 'Is there campaigning inside the centre?',
          required: true,
          options: [
            { value: 'o1', label_ar: 'لا', label_en: 'No', critical: false },
            { value: 'o2', label_ar: 'قليلة', label_en: 'A little', critical: false },
            { value: 'o3', label_ar: 'ضغط على الناخبين/ات', label_en: 'Pressure on voters', critical: true },
          ],
        },
      ];
    case 'closing':
      return [
        { id: 'closed_at', type: 'time', label_ar: 'وقت الإغلاق', label_en: 'Closing time', required: true },
        yn('queue', 'هل كان هناك ناخبون/ات في الطابور عند الإغلاق؟', 'Were voters still queuing at closing?'),
        yn('queue_allowed', 'هل سُمح لهم/ن بالاقتراع؟', 'Were they allowed to vote?', 'no', {
          showIf: { question: 'queue', equals: 'yes' },
        }),
        yn('count_public', 'هل جرى الفرز بحضور المراقبين/ات؟', 'Was the count held in front of observers?', 'no'),
      ];
    case 'count':
      return countQuestions(candidates);
    case 'incident':
      return [
        {
          id: 'type',
          type: 'choice',
          label_ar: 'نوع الحادثة',
          label_en: 'Kind of incident',
          required: true,
          options: [
            { value: 'o1', label_ar: 'عنف أو تهديد', label_en: 'Violence or threats', critical: true },
            {
              value: 'o2',
              label_ar: 'منع مراقب/ة من العمل',
              label_en: 'Observer prevented from working',
              critical: true,
            },
            {
              value: 'o3',
              label_ar: 'حشو صناديق أو تلاعب بالأوراق',
              label_en: 'Ballot stuffing or tampering',
              critical: true,
            },
            { value: 'o4', label_ar: 'منع ناخبين/ات من الاقتراع', label_en: 'Voters turned away', critical: false },
            { value: 'o5', label_ar: 'أخرى', label_en: 'Other', critical: false },
          ],
        },
        { id: 'description', type: 'text', label_ar: 'ماذا حدث؟', label_en: 'What happened?', required: true },
        { id: 'happened_at', type: 'time', label_ar: 'الوقت', label_en: 'Time', required: false },
      ];
  }
}

export function templateRules(kind: FormKind): string[] {
  return kind === 'count' ? [...DEFAULT_COUNT_RULES] : [];
}

/** Is this one of a count form's fixed fields (the paper sheet's, or a list's votes)? */
export const isCountField = (id: string) => (COUNT_FIELDS as readonly string[]).includes(id) || id.startsWith('votes_');

/**
 * A count form's questions with the fixed fields in their order and one vote field per list as
 * the election has them now (labels the coordinator changed are kept); other questions follow.
 */
export function syncCountQuestions(
  questions: Question[],
  candidates: { code: string; name_ar: string; name_en: string }[],
): Question[] {
  const fixed = countQuestions(candidates).map((q) => {
    const kept = questions.find((x) => x.id === q.id);
    return kept ? { ...kept, type: 'number' as const } : q;
  });
  return [...fixed, ...questions.filter((q) => !isCountField(q.id))];
}
