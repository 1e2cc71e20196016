// Services tables: one per HSDS 3.0 object (columns from hsds/spec.ts), plus feedback.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../core/db/index.js';
import { timestamp, withId } from '../../core/db/helpers.js';
import { SPECS, TABLE_ORDER, type ObjectName } from './hsds/spec.js';
import { taxonomyRows } from './taxonomy.js';

/** Wasl's own columns beside the HSDS ones. */
const WASL_COLUMNS: Partial<Record<ObjectName, [string, 'text' | 'integer' | 'ts' | 'num', string?][]>> = {
  organization: [
    ['network_id', 'integer'],
    ['member_org_id', 'integer'],
    ['created_at', 'ts', 'notNull'],
    ['updated_at', 'ts', 'notNull'],
  ],
  service: [
    ['is_free', 'integer', 'zero'],
    ['verified_at', 'ts'],
    ['created_at', 'ts', 'notNull'],
  ],
  location: [
    ['landmark_ar', 'text'],
    ['landmark_en', 'text'],
    ['town_pcode', 'text'],
    ['created_at', 'ts', 'notNull'],
    ['updated_at', 'ts', 'notNull'],
  ],
  schedule: [['closed', 'integer', 'zero']],
  service_area: [['town_pcode', 'text']],
};

const INDEXES: [string, string][] = [
  ['svc_services', 'organization_id'],
  ['svc_services', 'last_modified'],
  ['svc_locations', 'organization_id'],
  ['svc_locations', 'town_pcode'],
  ['svc_addresses', 'location_id'],
  ['svc_service_at_locations', 'service_id'],
  ['svc_service_at_locations', 'location_id'],
  ['svc_phones', 'service_id'],
  ['svc_phones', 'location_id'],
  ['svc_phones', 'organization_id'],
  ['svc_phones', 'contact_id'],
  ['svc_phones', 'service_at_location_id'],
  ['svc_schedules', 'service_id'],
  ['svc_schedules', 'location_id'],
  ['svc_schedules', 'service_at_location_id'],
  ['svc_taxonomy_terms', 'taxonomy_id'],
  ['svc_attributes', 'link_id'],
  ['svc_attributes', 'taxonomy_term_id'],
  ['svc_contacts', 'service_id'],
  ['svc_contacts', 'organization_id'],
  ['svc_contacts', 'location_id'],
  ['svc_contacts', 'service_at_location_id'],
  ['svc_languages', 'service_id'],
  ['svc_languages', 'location_id'],
  ['svc_languages', 'phone_id'],
  ['svc_cost_options', 'service_id'],
  ['svc_service_areas', 'service_id'],
  ['svc_service_areas', 'town_pcode'],
  ['svc_required_documents', 'service_id'],
];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestamp(dialect);
  for (const name of TABLE_ORDER) {
    const spec = SPECS[name];
    let tb = db.schema.createTable(spec.table).addColumn('id', 'text', (c) => c.primaryKey());
    for (const f of spec.fields) {
      if (f.extra || f.name === 'id') continue;
      const type = f.kind === 'number' || f.kind === 'integer' ? 'double precision' : 'text';
      const cols = f.tr ? [`${f.name}_ar`, `${f.name}_en`] : [f.name];
      for (const col of cols) {
        const notNull = !f.tr && f.required;
        if (name === 'service' && col === 'organization_id') {
          tb = tb.addColumn(col, 'text', (c) => c.notNull().references('svc_organizations.id'));
        } else if (name === 'service_at_location' && (col === 'service_id' || col === 'location_id')) {
          const target = col === 'service_id' ? 'svc_services.id' : 'svc_locations.id';
          tb = tb.addColumn(col, 'text', (c) => c.notNull().references(target).onDelete('cascade'));
        } else {
          tb = tb.addColumn(col, type, (c) => (notNull ? c.notNull() : c));
        }
      }
    }
    for (const [col, kind, mod] of WASL_COLUMNS[name] ?? []) {
      const type = kind === 'ts' ? ts : kind === 'num' ? 'double precision' : kind;
      tb = tb.addColumn(col, type as 'text', (c) =>
        mod === 'notNull' ? c.notNull() : mod === 'zero' ? c.notNull().defaultTo(0) : c,
      );
    }
    tb = tb.addColumn('extra', 'text', (c) => c.notNull().defaultTo('{}'));
    await tb.execute();
  }
  await db.schema
    .createIndex('svc_organizations_member')
    .on('svc_organizations')
    .column('member_org_id')
    .unique()
    .execute();
  for (const [table, column] of INDEXES) {
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }

  await withId(db.schema.createTable('svc_feedback'), dialect)
    .addColumn('service_id', 'text', (c) => c.notNull().references('svc_services.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('got_service', 'text')
    .addColumn('rating', 'integer')
    .addColumn('wrong_field', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('moderated_at', ts)
    .addColumn('moderated_by', 'integer')
    .addColumn('resolved_at', ts)
    .execute();
  await db.schema.createIndex('svc_feedback_service').on('svc_feedback').columns(['service_id', 'status']).execute();
  await db.schema.createIndex('svc_feedback_status').on('svc_feedback').columns(['status', 'created_at']).execute();

  // Reference data: the clusters, the network's categories and the target groups.
  const { taxonomies, terms } = taxonomyRows();
  const d = db as Kysely<any>;
  await d.insertInto('svc_taxonomies').values(taxonomies).execute();
  await d.insertInto('svc_taxonomy_terms').values(terms).execute();
}
