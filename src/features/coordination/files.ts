// Private files (workspace documents, plan documents): stored with isPublic false, so the core's
// /media route refuses them; served here only after the caller's access check.
import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { WaslServices } from '../../core/services.js';
import { fromJson } from '../../core/db/helpers.js';
import { uploadErrorMessage, type UploadedFile } from '../../core/media/index.js';
import type { Translator } from '../../core/i18n/index.js';

export function isUpload(v: unknown): v is UploadedFile {
  return !!v && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).data);
}

/** Saves a private upload of an organization. Returns the stored reference or a translated error. */
export async function savePrivateFile(
  wasl: WaslServices,
  file: UploadedFile,
  owner: { userId: number; organizationId: number },
  i18n: Translator,
  now: Date,
): Promise<
  { ok: true; mediaId: string; filename: string; mime: string; bytes: number } | { ok: false; error: string }
> {
  const saved = await wasl.media.save(wasl.db, file, { ...owner, isPublic: false }, now);
  if (!saved.ok) return { ok: false, error: uploadErrorMessage(i18n, saved.error) };
  const name = (file.filename || 'file').replace(/[\\/\r\n"]/g, '_').slice(0, 200);
  const filename = saved.media.mime === 'image/webp' ? name.replace(/\.[^.]+$/, '') + '.webp' : name;
  return { ok: true, mediaId: saved.media.id, filename, mime: saved.media.mime, bytes: saved.media.bytes };
}

export async function sendPrivateFile(
  wasl: WaslServices,
  reply: FastifyReply,
  mediaId: string,
  filename: string,
): Promise<FastifyReply | null> {
  const row = await wasl.db
    .selectFrom('media')
    .select(['mime', 'variants'])
    .where('id', '=', mediaId)
    .executeTakeFirst();
  if (!row) return null;
  const variants = fromJson<Record<string, string>>(row.variants, {});
  const file = variants.file ?? variants['1280'] ?? variants['640'] ?? variants['320'];
  const full = file ? wasl.media.filePath(mediaId, file) : null;
  if (!full || !fs.existsSync(full)) return null;
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return reply
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .type(file.endsWith('.webp') ? 'image/webp' : row.mime)
    .send(fs.createReadStream(full));
}
