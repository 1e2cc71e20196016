// One pasted line of a text report, recorded and answered in Arabic and English: a count, an
// incident or "no network" goes in as a report like any other (idempotent: pasting the same line
// twice records it once); a line that cannot be read says why.
import crypto from 'node:crypto';
import { toJson } from '../../../core/db/helpers.js';
import type { MemberCtx } from '../../../core/http/route.js';
import type { Translator } from '../../../core/i18n/index.js';
import { ingestSubmission } from '../entry/actions.js';
import { tellIfNeeded } from '../entry/attention.js';
import type { FormRow } from '../forms/queries.js';
import { observersAtStation, setNoNetwork } from '../observers/queries.js';
import type { Election } from '../queries.js';
import type { TextError, TextLine } from './textreport.js';

export type RelayReply = { line: number; ok: boolean; ar: string; en: string };

export type RelayContext = {
  c: MemberCtx;
  e: Election;
  forms: FormRow[];
  tr: { ar: Translator; en: Translator };
};

function errorText(tr: Translator, err: TextError): string {
  switch (err.code) {
    case 'unknownStation':
    case 'unknownCode':
    case 'noNumber':
    case 'duplicate':
      return tr.t(`elections.relay.err.${err.code}`, { code: err.value });
    case 'missing':
      return tr.t('elections.relay.err.missing', { codes: err.codes.join(' ') });
    case 'votersMismatch':
      return tr.t('elections.relay.err.votersMismatch', { v: err.v, w: err.w, m: err.m });
    case 'noIncidentText':
      return tr.t('elections.relay.err.noIncidentText');
    case 'tooLong':
      return tr.t('elections.relay.err.tooLong');
  }
}

export async function relayLine(x: RelayContext, line: TextLine): Promise<RelayReply> {
  const reply = (ok: boolean, text: (tr: Translator) => string): RelayReply => ({
    line: line.line,
    ok,
    ar: x.tr.ar.t('elections.relay.line', { line: line.line, text: text(x.tr.ar) }),
    en: x.tr.en.t('elections.relay.line', { line: line.line, text: text(x.tr.en) }),
  });
  if (!line.ok)
    return reply(
      false,
      (tr) => `${line.stationCode ? `${line.stationCode}: ` : ''}${line.errors.map((e) => errorText(tr, e)).join(' ')}`,
    );
  if (line.kind === 'nonet') {
    const obs = await observersAtStation(x.c.db, line.stationId);
    await setNoNetwork(
      x.c.db,
      obs.map((o) => o.id),
      x.c.now,
    );
    return reply(true, (tr) => tr.t('elections.relay.ok.nonet', { station: line.stationCode }));
  }
  const noForm = reply(false, (tr) => tr.t('elections.relay.err.noForm'));
  const form = x.forms.find((f) => f.kind === (line.kind === 'count' ? 'count' : 'incident'));
  if (!form) return noForm;
  let raw: Record<string, unknown>;
  let useForm = form;
  if (line.kind === 'count') raw = line.values;
  else {
    const textQ = form.def.questions.find((q) => q.type === 'text' && !q.showIf);
    if (!textQ) return noForm;
    raw = { [textQ.id]: line.note };
    // A relayed incident carries only its text; the form's other questions are left for the follow-up.
    useForm = { ...form, def: { questions: form.def.questions.map((q) => ({ ...q, required: false })) } };
  }
  const key = `text:${x.e.id}:${crypto
    .createHash('sha256')
    .update(`${line.stationId}|${line.kind}|${toJson(raw)}`)
    .digest('hex')}`;
  const result = await ingestSubmission(
    x.c.db,
    x.c.wasl.dialect,
    {
      electionId: x.e.id,
      electionStatus: x.e.status,
      form: useForm,
      stationId: line.stationId,
      observerId: null,
      enteredBy: x.c.user.id,
      source: 'text',
      key,
      rawAnswers: raw,
      extraFlags: [{ kind: 'relayed' }],
      forceCritical: line.kind === 'incident',
    },
    x.c.now,
  );
  if (result.status === 'created') await tellIfNeeded(x.c, x.e.id, useForm, line.stationId, result, x.c.user.id);
  if (result.status === 'invalid')
    return reply(false, (tr) => tr.t('elections.relay.err.invalid', { fields: Object.keys(result.errors).join(', ') }));
  if (result.status === 'keyConflict') return reply(false, (tr) => tr.t('elections.relay.err.invalid', { fields: '' }));
  if (result.status === 'duplicate')
    return reply(true, (tr) => tr.t('elections.relay.ok.duplicate', { station: line.stationCode }));
  if (line.kind === 'incident')
    return reply(true, (tr) => tr.t('elections.relay.ok.incident', { station: line.stationCode }));
  const v = line.values;
  return reply(true, (tr) => {
    let s = tr.t('elections.relay.ok.count', {
      station: line.stationCode,
      voters: v.voters_women! + v.voters_men!,
      women: v.voters_women!,
      men: v.voters_men!,
    });
    for (const d of line.derived) s += ` ${tr.t('elections.relay.ok.derived', { code: d.code, value: d.value })}`;
    if (result.sheetStatus === 'conflict') s += ` ${tr.t('elections.relay.ok.conflict')}`;
    const rules = result.flags.filter((f) => f.kind === 'rule');
    if (rules.length) s += ` ${tr.t('elections.relay.ok.flagged', { count: rules.length })}`;
    return s;
  });
}
