// Work the scheduler runs hourly (the manifest's job `coordination`): meeting reminders a day
// ahead, licence-expiry reminders, and departures whose confirmation period has ended. Each is
// idempotent: running it twice sends nothing twice.
import type { WaslServices } from '../../core/services.js';
import { sendMeetingReminders } from './meetings/reminders.js';
import { sendLicenceReminders } from './licensing/reminders.js';
import { processDepartures } from './workspace/actions.js';

export async function runCoordinationJobs(wasl: WaslServices, now: Date) {
  return {
    meetingReminders: await sendMeetingReminders(wasl, now),
    licenceReminders: await sendLicenceReminders(wasl, now),
    departures: await processDepartures(wasl, now),
  };
}
