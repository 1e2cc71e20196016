// Publishing tables.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../core/db/index.js';

export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
