// Private files (workspace documents, plan documents): stored with isPublic false, so the core's
// /media route refuses them; served here only after the caller's access check, read into an
// organization's export, and deleted with their item or organization.
import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { WaslServices } from '../../core/services.js';
import { fromJson } from '../../core/db/helpers.js';
import { uploadErrorMessage, type UploadedFile } from '../../core/media/index.js';
import type { Translator } from '../../core/i18n/index.js';
import { FormErrors } from '../../core/http/route.js';

export type SavedFile = { mediaId: string; filename: string; mime: string; bytes: number };

export function isUpload(v: unknown): v is UploadedFile {
  return !!v && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).data);
}

/**
 * Saves a private upload of an organization. A missing file (when `required`) or a refused one is
 * a FormErrors on the `file` field; no upload at all (when optional) is null.
 */
export async function savePrivateFile(
  wasl: WaslServices,
  file: unknown,
  owner: { userId: number; organizationId: number },
  i18n: Translator,
  now: Date,
  required = true,
): Promise<SavedFile | null> {
  if (!isUpload(file)) {
    if (required) throw new FormErrors({ file: i18n.t('form.required') });
    return null;
  }
  const saved = await wasl.media.save(wasl.db, file, { ...owner, isPublic: false }, now);
  if (!saved.ok) throw new FormErrors({ file: uploadErrorMessage(i18n, saved.error) });
  const name = (file.filename || 'file').replace(/[\\/\r\n"]/g, '_').slice(0, 200);
  const filename = saved.media.mime === 'image/webp' ? name.replace(/\.[^.]+$/, '') + '.webp' : name;
  return { mediaId: saved.media.id, filename, mime: saved.media.mime, bytes: saved.media.bytes };
}

/** Where a stored file's bytes are, with its type; null if it is gone. */
export async function privateFile(wasl: WaslServices, mediaId: string): Promise<{ path: string; mime: string } | null> {
  const row = await wasl.db
    .selectFrom('media')
    .select(['mime', 'variants'])
    .where('id', '=', mediaId)
    .executeTakeFirst();
  if (!row) return null;
  const variants = fromJson<Record<string, string>>(row.variants, {});
  const file = variants.file ?? variants['1280'] ?? variants['640'] ?? variants['320'] ?? Object.values(variants)[0];
  const path = file ? wasl.media.filePath(mediaId, file) : null;
  if (!path || !fs.existsSync(path)) return null;
  return { path, mime: file!.endsWith('.webp') ? 'image/webp' : row.mime };
}

/** Sends a private file as a download; null when it is gone (the caller answers 404). */
export async function sendPrivateFile(
  wasl: WaslServices,
  reply: FastifyReply,
  mediaId: string,
  filename: string,
): Promise<FastifyReply | null> {
  const file = await privateFile(wasl, mediaId);
  if (!file) return null;
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return reply
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .type(file.mime)
    .send(fs.createReadStream(file.path));
}

/** Deletes stored files and their media rows (after their item or organization went). */
export async function deleteMediaFiles(wasl: WaslServices, ids: string[]) {
  if (!ids.length) return;
  const rows = await wasl.db.selectFrom('media').select(['id', 'variants']).where('id', 'in', ids).execute();
  for (const r of rows)
    for (const f of Object.values(fromJson<Record<string, string>>(r.variants, {}))) {
      const full = wasl.media.filePath(r.id, f);
      if (full) await fs.promises.rm(full, { force: true });
    }
  await wasl.db.deleteFrom('media').where('id', 'in', ids).execute();
}
