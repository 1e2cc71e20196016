// Signing up: a pseudonymous account (a user name and a password; the e-mail address is optional).
// An address already in use is not revealed: the account is made without it and the owner of the
// address is told instead; both cost the same (the password is hashed either way, mail goes after
// the answer).
import { hashPassword } from '../../../core/auth/passwords.js';
import { page } from '../../../core/http/route.js';
import { auditAs, hit, limits, newPasswordErrors, rateLimitedMessage, startSession } from '../auth.js';
import { post } from '../kit.js';
import { createUser, emailTaken, normalizeEmail, setAddressAs, usernameTaken } from '../queries.js';
import { signupForm } from '../schemas.js';
import { SignupPage } from './views.js';

export const signupRoutes = [
  page('/signup', {
    access: 'public',
    render: (c) => (c.user ? c.redirect('/account') : <SignupPage />),
  }),

  post('/signup', {
    access: 'public',
    schema: signupForm,
    async answer(c, _l, form) {
      if (!form.ok) return c.render(<SignupPage values={form.raw} errors={form.errors} />, 400);
      const d = form.data;
      const limited = await hit(c, `signup:ip:${c.ip}`, limits.signupIp);
      if (!limited.allowed) {
        c.reply.header('retry-after', String(limited.retryAfterSeconds));
        const error = rateLimitedMessage(c, limited.retryAfterSeconds);
        return c.render(<SignupPage values={form.raw} errors={{ _form: error }} />, 429);
      }
      const errors = newPasswordErrors(c, d.password, d.password_confirm, [d.username, d.display_name]);
      if (await usernameTaken(c.db, d.username)) errors.username = c.t('auth.signup.usernameTaken');
      if (Object.keys(errors).length) return c.render(<SignupPage values={form.raw} errors={errors} />, 400);
      const emailInUse = d.email ? await emailTaken(c.db, d.email) : false;
      const userId = await createUser(
        c.db,
        {
          username: d.username,
          email: emailInUse ? null : d.email,
          displayName: d.display_name,
          passwordHash: await hashPassword(d.password),
          locale: c.locale,
        },
        c.now,
      );
      await setAddressAs(c.db, userId, d.address_as);
      if (emailInUse && d.email) {
        await c.wasl.mailer.send(
          {
            to: normalizeEmail(d.email),
            subject: c.t('mail.signupExisting.subject'),
            text: c.t('mail.signupExisting.body', { url: `${c.wasl.config.baseUrl}/password-reset` }),
          },
          c.now,
        );
      }
      await auditAs(c, userId, 'auth.signup');
      await startSession(c, userId, 'member');
      return c.redirect({ to: '/account', flash: 'auth.signup.welcome' });
    },
  }),
];
