// The accounts feature's commands (the manifest's `cli`):
//   npm run wasl -- reset-2fa USER [--reason TEXT]   USER: a user name or an e-mail address
// For a person locked out of two-step when no admin can sign in to reset it from a page.
import type { CliCommand } from '../../core/feature.js';
import { findUserByLogin } from './queries.js';
import { resetTwoStep } from './two-step/reset.js';

export const accountsCommands: CliCommand[] = [
  {
    name: 'reset-2fa',
    help: "Reset a person's two-step verification (lost phone and codes): reset-2fa USER [--reason TEXT]; USER is a user name or an e-mail address.",
    async run(wasl, args) {
      const at = args.indexOf('--reason');
      const reason = at >= 0 ? (args[at + 1] ?? '').trim() : 'reset from the command line';
      const who = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
      if (!who || !reason) {
        console.error('Usage: reset-2fa USER [--reason TEXT]');
        return 2;
      }
      const user = await findUserByLogin(wasl.db, who);
      if (!user) {
        console.error(`No account with the user name or e-mail "${who}".`);
        return 1;
      }
      await resetTwoStep(wasl, { userId: user.id, byUserId: null, reason, now: wasl.clock() });
      await wasl.mailer.idle();
      console.log(
        `Two-step verification of ${user.username} is reset; their sessions are ended and they were told. ` +
          'They set it up again when they next sign in with their password.',
      );
      return 0;
    },
  },
];
