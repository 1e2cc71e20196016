// Entry of the demo-seed child process (see demo-process.ts): the app on the same database, the
// demo seeded if the database is still empty, its accounts printed, then exit.
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/db/index.js';
import { buildApp } from '../app.js';
import { seedDemoIfEmpty } from './demo.js';

const config = loadConfig();
const handle = openDatabase(config.databaseUrl);
const app = await buildApp({ config, handle, logger: false });
const printed = await seedDemoIfEmpty(app.wasl);
if (printed) console.log(printed);
await app.close();
await handle.close();
