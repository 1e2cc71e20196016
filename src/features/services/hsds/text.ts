// Per-field translations (the Wasl profile) and the conversions between HSDS objects and rows.
//
// In the database every human-readable field has an Arabic and an English column. In HSDS JSON
// the plain field holds the Arabic text when there is any (Arabic is the source language of the
// network), else the English; when a record has Arabic text, `translations` gives every language
// in full: {"ar": {"name": "…"}, "en": {"name": "…"}}. Records without Arabic (e.g. imported from
// an English-speaking directory) carry no `translations` and read exactly as plain HSDS.
import crypto from 'node:crypto';
import { SPECS, type ObjectName } from './spec.js';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
export const hasArabic = (s: string) => ARABIC.test(s);

type Obj = Record<string, unknown>;

/** HSDS object → {field_ar, field_en} for its translatable fields. */
export function splitTranslations(name: ObjectName, obj: Obj): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const tr = (obj.translations ?? {}) as Record<string, Record<string, string>>;
  for (const f of SPECS[name].fields) {
    if (!f.tr) continue;
    let ar: string | null = typeof tr.ar?.[f.name] === 'string' ? tr.ar[f.name]! : null;
    let en: string | null = typeof tr.en?.[f.name] === 'string' ? tr.en[f.name]! : null;
    const base = obj[f.name];
    if (typeof base === 'string' && base !== ar && base !== en) {
      if (hasArabic(base)) ar ??= base;
      else en ??= base;
    }
    out[`${f.name}_ar`] = ar;
    out[`${f.name}_en`] = en;
  }
  return out;
}

/** Row → plain fields (Arabic first) and, when the record has Arabic text, `translations`. */
export function joinTranslations(name: ObjectName, row: Obj): Obj {
  const out: Obj = {};
  const ar: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const f of SPECS[name].fields) {
    if (!f.tr) continue;
    const a = row[`${f.name}_ar`] as string | null | undefined;
    const e = row[`${f.name}_en`] as string | null | undefined;
    if (a != null) ar[f.name] = a;
    if (e != null) en[f.name] = e;
    const base = a ?? e;
    if (base != null) out[f.name] = base;
  }
  if (Object.values(ar).some((v) => v !== '')) {
    out.translations = Object.keys(en).length ? { ar, en } : { ar };
  }
  return out;
}

/** Name-based UUID (version 5, SHA-1) — stable ids for things Wasl derives, like a location's address. */
export function uuidV5(name: string, namespace = '6f1c3c1e-6d0b-4d8e-9a59-2b4b1f0e9a10'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = crypto.createHash('sha1').update(ns).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The id of the address Wasl derives from a location's town and landmark. */
export const derivedAddressId = (locationId: string) => uuidV5(`wasl:address:${locationId}`);
