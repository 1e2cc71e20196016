// The whole database type: the core's tables here; each feature adds its own from its tables.ts
// by module augmentation (`declare module '../../core/db/schema.js' { interface Database extends
// XTables {} }`), so the core names no feature.
import type { CoreTables } from './core-tables.js';

export interface Database extends CoreTables {}
