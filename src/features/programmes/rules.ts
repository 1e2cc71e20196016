// Pure rules of the programmes feature: the vocabularies, the completion rule, certificate codes,
// and the consent text versions. No database, no request.
import crypto from 'node:crypto';
import type { ActivityKind, AgeBand, Gender, InstitutionType, RecommendationStatus, TargetMetric } from './tables.js';

export const genders: Gender[] = ['f', 'm'];
export const ageBands: AgeBand[] = ['a15_17', 'a18_24', 'a25_35', 'a36_plus'];
export const activityKinds: ActivityKind[] = ['training', 'workshop', 'visit', 'campaign', 'meeting'];
export const institutionTypes: InstitutionType[] = ['local_council', 'governance_body', 'cso', 'judicial_office'];
export const recommendationStatuses: RecommendationStatus[] = [
  'proposed',
  'acknowledged',
  'adopted',
  'implemented',
  'rejected',
];
export const targetMetrics: TargetMetric[] = [
  'trained',
  'trained_women',
  'completed',
  'activities',
  'participants',
  'visits',
  'recommendations_adopted',
  'custom',
];
/** Metrics that count people: shown in public only after small-cell suppression. */
export const personMetrics = new Set<TargetMetric>(['trained', 'trained_women', 'completed', 'participants']);

/**
 * The consent texts trainees agree to, by version. The text itself lives in the catalogs
 * (programmes.consent.<version>); a new wording gets a new version, old ones stay readable.
 */
export const consentVersions = ['2026-01'] as const;
export const CURRENT_CONSENT_VERSION = '2026-01';
export const consentKey = (version: string) => `programmes.consent.v${version.replace('-', '_')}`;

export type CompletionRule = { minAttendancePct: number; minPostScore: number | null };
export type EnrolmentFacts = { sessions: number; attended: number; postScore: number | null };

/** Share of the cohort's sessions attended, 0..1 (0 when the cohort has no sessions yet). */
export function attendanceShare(f: { sessions: number; attended: number }): number {
  return f.sessions > 0 ? Math.min(1, f.attended / f.sessions) : 0;
}

/**
 * A trainee completes a course when they attended at least the course's share of sessions and,
 * when the course sets a post-test minimum, scored at least that. A cohort without sessions has
 * no completions. Compared in integers so 4 of 5 sessions meets "80%" exactly.
 */
export function isComplete(rule: CompletionRule, f: EnrolmentFacts): boolean {
  if (f.sessions <= 0) return false;
  if (f.attended * 100 < rule.minAttendancePct * f.sessions) return false;
  if (rule.minPostScore !== null) {
    if (f.postScore === null || f.postScore < rule.minPostScore) return false;
  }
  return true;
}

// Certificate verification codes: 12 symbols from 31 without look-alikes (no 0/O, 1/I/L),
// ~59 bits, shown as XXXX-XXXX-XXXX.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;

export function newCertificateCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return out;
}

/** What a person typed (any case, with dashes or spaces) → the stored form, or null. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Progress against a target, 0..1 and above (over-achieved). */
export function progress(actual: number, target: number): number {
  return target > 0 ? actual / target : 0;
}
