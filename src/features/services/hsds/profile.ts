// The Wasl HSDS profile: JSON Merge Patches (RFC 7396) over the HSDS 3.0 object schemas, served
// at /api/hsds/profile.json and declared by GET /api/hsds/. What it changes:
//  - address: postal_code is no longer required (Syrian addresses rarely have one; a place is
//    located by its community's P-code and a landmark instead);
//  - every object with human-readable fields gains `translations`: the same fields in each
//    language, keyed by language tag ({"ar": {"name": "…"}, "en": {"name": "…"}}); the plain
//    fields hold the Arabic text when there is any, else the English;
//  - schedule gains `closed` (closed every day from valid_from to valid_to: holidays, temporary
//    closures); dated schedules without `closed` (e.g. Ramadan hours) replace the regular ones
//    on the days they cover; times are local to Asia/Damascus;
//  - location.external_identifier_type "ocha_pcode" says external_identifier is the OCHA P-code
//    of the community; service_area.extent_type "ocha_pcode" likewise for an area covered.
import { SPECS, type ObjectName } from './spec.js';

export const PROFILE_VERSION = '1.0';

function translationsSchema(name: ObjectName) {
  const fields = SPECS[name].fields.filter((f) => f.tr).map((f) => f.name);
  return {
    type: 'object',
    title: 'Translations (Wasl profile)',
    description:
      'The human-readable fields of this object in each language, keyed by BCP 47 language tag. The plain fields hold the Arabic text when there is any, else the English.',
    propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    additionalProperties: {
      type: 'object',
      properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])),
      additionalProperties: false,
    },
  };
}

/** object name → merge patch over schema/<name>.json */
export function profilePatches(): Record<string, Record<string, unknown>> {
  const patches: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(SPECS) as ObjectName[]) {
    if (!SPECS[name].fields.some((f) => f.tr)) continue;
    patches[name] = { properties: { translations: translationsSchema(name) } };
  }
  const address = patches.address!;
  address.required = ['id', 'address_1', 'city', 'state_province', 'country', 'address_type'];
  (address.properties as Record<string, unknown>).postal_code = {
    description: 'The postal code of the address, where there is one (not required in the Wasl profile).',
  };
  (patches.schedule!.properties as Record<string, unknown>).closed = {
    type: 'boolean',
    title: 'Closed',
    description:
      'Wasl profile: the service is closed on every day from valid_from to valid_to (open-ended when valid_to is absent); opens_at and closes_at are absent.',
  };
  (patches.location!.properties as Record<string, unknown>).external_identifier_type = {
    description:
      'The scheme of external_identifier. "ocha_pcode": the OCHA COD-AB P-code of the community (admin level 4) the location is in.',
  };
  (patches.service_area!.properties as Record<string, unknown>).extent_type = {
    description: 'The format of extent. "ocha_pcode": extent is the OCHA COD-AB P-code of a community covered.',
  };
  return patches;
}

export function profileDocument(baseUrl: string) {
  return {
    name: 'wasl',
    title: 'Wasl HSDS profile',
    version: PROFILE_VERSION,
    hsds_version: '3.0',
    url: `${baseUrl}/api/hsds/profile.json`,
    description:
      'HSDS 3.0 as used by the Wasl network of civil-society organizations in the Aleppo countryside: Arabic and English per field, places by OCHA P-code without postal codes, closures and seasonal hours in Asia/Damascus time.',
    patch_format: 'JSON Merge Patch (RFC 7396) over schema/<object>.json of HSDS 3.0',
    schemas: profilePatches(),
  };
}

/** RFC 7396. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
