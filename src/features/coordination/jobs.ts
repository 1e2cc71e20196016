// Work the scheduler runs hourly (the manifest's job `coordination`): meeting reminders a day
// ahead, overdue action items (told once per due date), licence-expiry reminders, votes opening,
// closing within a day and closed, emergency grants that ran out, and departures whose
// confirmation period has ended. Each is idempotent: running it twice sends nothing twice.
import type { WaslServices } from '../../core/services.js';
import { sendMeetingReminders } from './meetings/reminders.js';
import { overdueNotices } from './meetings/notices.js';
import { sendLicenceReminders } from './licensing/reminders.js';
import { emergencyEndNotices, processDepartures } from './workspace/actions.js';
import { voteNotices } from './governance/notices.js';

export async function runCoordinationJobs(wasl: WaslServices, now: Date) {
  return {
    meetingReminders: await sendMeetingReminders(wasl, now),
    overdueActions: await overdueNotices(wasl, now),
    licenceReminders: await sendLicenceReminders(wasl, now),
    votes: await voteNotices(wasl, now),
    emergencyEnded: await emergencyEndNotices(wasl, now),
    departures: await processDepartures(wasl, now),
  };
}
