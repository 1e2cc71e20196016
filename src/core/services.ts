// The long-lived things a request handler may use, built once per app.
import type { Config } from './config.js';
import type { Db, Dialect, DbHandle } from './db/index.js';
import type { Remember } from './db/changes.js';
import type { I18n } from './i18n/index.js';
import type { Mailer } from './mail/index.js';
import type { RateLimiter } from './http/rate-limit.js';
import type { MediaStore } from './media/index.js';

export type WaslServices = {
  config: Config;
  db: Db;
  dialect: Dialect;
  handle: DbHandle;
  clock: () => Date;
  i18n: I18n;
  mailer: Mailer;
  limiter: RateLimiter;
  media: MediaStore;
  /** Public query results kept until the next change (core/db/changes.ts). */
  remember: Remember;
};
