// Elections' steps of the daily retention purge (core/jobs/retention.ts), as the data inventory
// says: observers' device sessions go when they expire or the observer is revoked; once an
// election is archived, its observers' names, phones and secrets and the raw text of relayed
// reports are erased (codes, assignments and the submitted figures stay for the record).
import type { Db } from '../../core/db/index.js';
import type { PurgeStep } from '../../core/jobs/retention.js';

/** What an observer's name becomes once the election is archived. */
export const ERASED_NAME = '';

export const electionsPurgeSteps: PurgeStep[] = [
  {
    name: 'observer devices (expired or revoked)',
    run: async (db: Db, now: Date) => {
      const revoked = db.selectFrom('observers').select('id').where('status', '=', 'revoked');
      const res = await db
        .deleteFrom('observer_tokens')
        .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('observer_id', 'in', revoked)]))
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  },
  {
    name: 'archived elections: observers and relayed texts',
    run: async (db: Db) => {
      const archived = db.selectFrom('elections').select('id').where('status', '=', 'archived');
      return db.transaction().execute(async (trx) => {
        const observers = await trx
          .updateTable('observers')
          .set({ name: ERASED_NAME, phone: null, secret_hash: '', status: 'revoked' })
          .where('election_id', 'in', archived)
          .where((eb) =>
            eb.or([eb('name', '!=', ERASED_NAME), eb('phone', 'is not', null), eb('secret_hash', '!=', '')]),
          )
          .executeTakeFirst();
        await trx
          .deleteFrom('observer_tokens')
          .where('observer_id', 'in', trx.selectFrom('observers').select('id').where('election_id', 'in', archived))
          .execute();
        const texts = await trx
          .updateTable('election_text_reports')
          // the outcome repeats each line, so it goes too
          .set({ raw: '', outcome: '[]' })
          .where('election_id', 'in', archived)
          .where('raw', '!=', '')
          .executeTakeFirst();
        return Number(observers.numUpdatedRows) + Number(texts.numUpdatedRows);
      });
    },
  },
];
