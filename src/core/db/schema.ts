// The whole database type: the core's tables plus each feature's. A feature adds one line here.
import type { CoreTables } from './core-tables.js';

export interface Database extends CoreTables {}
