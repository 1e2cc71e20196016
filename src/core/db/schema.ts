// The whole database type: the core's tables plus each feature's. A feature adds one line here.
import type { CoreTables } from './core-tables.js';
import type { PublishingTables } from '../../features/publishing/tables.js';
import type { ForumTables } from '../../features/forum/tables.js';
import type { ServicesTables } from '../../features/services/tables.js';
import type { ProgrammesTables } from '../../features/programmes/tables.js';
import type { ElectionsTables } from '../../features/elections/tables.js';
import type { CoordinationTables } from '../../features/coordination/tables.js';

export interface Database
  extends
    CoreTables,
    PublishingTables,
    ForumTables,
    ServicesTables,
    ProgrammesTables,
    ElectionsTables,
    CoordinationTables {}
