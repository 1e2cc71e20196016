// A forgotten password: a link by e-mail, then a new password. The request gets the same answer,
// in the same time, whether or not the address has an account: the token, the message and the
// audit entry are made after the answer.
import { hashPassword } from '../../../core/auth/passwords.js';
import { destroyOtherSessions } from '../../../core/auth/sessions.js';
import { page } from '../../../core/http/route.js';
import { HOUR } from '../../../core/time.js';
import { auditAs, hit, limits, newPasswordErrors, rateLimitedMessage } from '../auth.js';
import { post } from '../kit.js';
import {
  consumeAccountToken,
  createAccountToken,
  findUserByLogin,
  getUser,
  normalizeEmail,
  peekAccountToken,
  setPassword,
} from '../queries.js';
import { resetRequestForm, resetSetForm } from '../schemas.js';
import { ResetRequestPage, ResetSetPage } from './views.js';

export const recoveryRoutes = [
  page('/password-reset', { access: 'public', render: () => <ResetRequestPage /> }),

  post('/password-reset', {
    access: 'public',
    schema: resetRequestForm,
    async answer(c, _l, form) {
      if (!form.ok) return c.render(<ResetRequestPage values={form.raw} errors={form.errors} />, 400);
      const email = normalizeEmail(form.data.email);
      const ipHit = await hit(c, `reset:ip:${c.ip}`, limits.resetIp);
      const acctHit = await hit(c, `reset:acct:${email}`, limits.resetAccount);
      if (!ipHit.allowed) {
        c.reply.header('retry-after', String(ipHit.retryAfterSeconds));
        return c.render(<ResetRequestPage error={rateLimitedMessage(c, ipHit.retryAfterSeconds)} />, 429);
      }
      if (acctHit.allowed) {
        const { db, now, wasl } = c;
        wasl.mailer.later(async () => {
          const user = await findUserByLogin(db, email);
          if (user?.email) {
            const token = await createAccountToken(
              db,
              { purpose: 'reset', userId: user.id, payload: {}, ttlMs: HOUR },
              now,
            );
            const tr = wasl.i18n.translator(user.locale, { digits: user.digits, addressAs: user.address_as });
            await wasl.mailer.send(
              {
                to: user.email,
                subject: tr.t('mail.reset.subject'),
                text: tr.t('mail.reset.body', { url: `${wasl.config.baseUrl}/password-reset/${token}` }),
              },
              now,
            );
          }
          await auditAs(c, user?.id ?? null, 'auth.reset.requested');
        });
      }
      return <ResetRequestPage sent />;
    },
  }),

  page('/password-reset/:token', {
    access: 'public',
    async render(c) {
      const row = await peekAccountToken(c.db, c.params.token, 'reset', c.now);
      c.reply.header('referrer-policy', 'no-referrer');
      return c.render(<ResetSetPage token={c.params.token} invalid={!row} />, row ? 200 : 404);
    },
  }),

  post('/password-reset/:token', {
    access: 'public',
    schema: resetSetForm,
    async answer(c, _l, form) {
      const token = c.params.token;
      const invalid = () => c.render(<ResetSetPage token={token} invalid />, 404);
      const row = await peekAccountToken(c.db, token, 'reset', c.now);
      if (!row || !row.user_id) return invalid();
      if (!form.ok) return c.render(<ResetSetPage token={token} errors={form.errors} />, 400);
      const user = await getUser(c.db, row.user_id);
      const { new_password: password, new_password_confirm: confirm } = form.data;
      const errors = newPasswordErrors(c, password, confirm, user ? [user.username] : [], [
        'new_password',
        'new_password_confirm',
      ]);
      if (Object.keys(errors).length) return c.render(<ResetSetPage token={token} errors={errors} />, 400);
      if (!(await consumeAccountToken(c.db, row.token_hash, c.now))) return invalid();
      await setPassword(c.db, row.user_id, await hashPassword(password), c.now);
      await destroyOtherSessions(c.db, row.user_id, null);
      await auditAs(c, row.user_id, 'auth.reset.done');
      return c.redirect({ to: '/login', flash: 'auth.reset.done' });
    },
  }),
];
