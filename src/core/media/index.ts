// Upload intake for every feature. Content is sniffed from its bytes (the browser's type and
// name are not trusted), SVG and unknown types are refused, names are generated, and every
// image is re-encoded by sharp — which drops EXIF/GPS and all other metadata, because
// `keepMetadata()` is never called. HEIC photos (iPhones) are first decoded to bare pixels by
// libheif in a worker (heic.ts), then re-encoded the same way. A photo must never tell where an
// observer stood. media.test.ts proves it for JPEG, PNG, WebP and HEIC on every stored variant.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sharp } from 'sharp';

/** sharp (libvips) is loaded on the first upload, not at start: most processes never need it. */
const loadSharp = () => import('sharp').then((m) => m.default);
import type { Db } from '../db/index.js';
import { decodeHeic } from './heic.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

export type UploadedFile = { filename: string; mimetype: string; data: Buffer };
export type SniffedType =
  | { kind: 'image'; mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic' | 'image/avif' }
  | { kind: 'document'; mime: 'application/pdf' | 'application/zip-office'; ext: string }
  | { kind: 'refused'; reason: 'svg' | 'unknown' | 'empty' | 'executable' };

/** Decides a file's type from its first bytes. */
export function sniff(data: Buffer, filename = ''): SniffedType {
  if (data.length === 0) return { kind: 'refused', reason: 'empty' };
  const head = data.subarray(0, 64);
  const ascii = head.toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'image', mime: 'image/jpeg' };
  if (ascii.startsWith('\x89PNG\r\n\x1a\n')) return { kind: 'image', mime: 'image/png' };
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return { kind: 'image', mime: 'image/gif' };
  if (ascii.slice(4, 8) === 'ftyp') {
    const brand = ascii.slice(8, 12);
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      return { kind: 'image', mime: 'image/heic' };
    if (brand === 'avif' || brand === 'avis') return { kind: 'image', mime: 'image/avif' };
  }
  if (ascii.startsWith('%PDF-')) return { kind: 'document', mime: 'application/pdf', ext: 'pdf' };
  if (ascii.startsWith('MZ') || ascii.startsWith('\x7fELF') || ascii.startsWith('#!'))
    return { kind: 'refused', reason: 'executable' };
  const text = data.subarray(0, 2048).toString('utf8').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg')) || text.includes('<svg')) {
    return { kind: 'refused', reason: 'svg' };
  }
  if (ascii.startsWith('PK\x03\x04')) {
    const ext = path.extname(filename).toLowerCase().slice(1);
    if (['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'].includes(ext))
      return { kind: 'document', mime: 'application/zip-office', ext };
  }
  return { kind: 'refused', reason: 'unknown' };
}

const officeMime: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

export type StoredMedia = {
  id: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  variants: Record<string, string>;
};
export type UploadError = 'tooLarge' | 'svg' | 'unknown' | 'empty' | 'executable' | 'undecodable' | 'heic';

export type MediaStore = {
  dir: string;
  save(
    db: Db,
    file: UploadedFile,
    owner: { userId: number | null; organizationId: number | null; isPublic: boolean; imagesOnly?: boolean },
    now: Date,
  ): Promise<{ ok: true; media: StoredMedia } | { ok: false; error: UploadError }>;
  /** Absolute path of a stored variant, or null if the id/variant is not one we wrote. */
  filePath(id: string, file: string): string | null;
};

const MAX_INPUT_PIXELS = 50_000_000;

type ImageSource =
  { ok: true; width: number; open: () => Sharp } | { ok: false; error: Extract<UploadError, 'undecodable' | 'heic'> };

/** Readies a sniffed image for re-encoding; `width` is its upright width (after EXIF rotation). */
async function openImage(data: Buffer, mime: Extract<SniffedType, { kind: 'image' }>['mime']): Promise<ImageSource> {
  const sharp = await loadSharp();
  if (mime === 'image/heic') {
    // Decoded to bare pixels in a worker (heic.ts): nothing but the picture reaches sharp.
    const decoded = await decodeHeic(data, { maxPixels: MAX_INPUT_PIXELS });
    if (!decoded.ok) return { ok: false, error: decoded.reason === 'tooManyPixels' ? 'undecodable' : 'heic' };
    const { width, height, hasAlpha, data: pixels } = decoded.image;
    const open = () => {
      const img = sharp(pixels, { raw: { width, height, channels: 4 }, limitInputPixels: MAX_INPUT_PIXELS });
      return hasAlpha ? img : img.removeAlpha();
    };
    return { ok: true, width, open };
  }
  try {
    const meta = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    return { ok: true, width, open: () => sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }) };
  } catch {
    return { ok: false, error: 'undecodable' };
  }
}

export function createMediaStore(dir: string): MediaStore {
  const filePath = (id: string, file: string) => {
    if (!/^[0-9a-f-]{36}$/.test(id) || !/^[0-9a-z-]+\.(webp|jpg|pdf|docx|xlsx|pptx|odt|ods|odp)$/.test(file))
      return null;
    return path.join(dir, id.slice(0, 2), file);
  };
  return {
    dir,
    filePath,
    async save(db, file, owner, now) {
      if (file.data.length > MAX_UPLOAD_BYTES) return { ok: false, error: 'tooLarge' };
      const type = sniff(file.data, file.filename);
      if (type.kind === 'refused') return { ok: false, error: type.reason };
      if (owner.imagesOnly && type.kind !== 'image') return { ok: false, error: 'unknown' };
      const id = crypto.randomUUID();
      const folder = path.join(dir, id.slice(0, 2));
      await fs.mkdir(folder, { recursive: true });
      let stored: StoredMedia;
      if (type.kind === 'image') {
        const source = await openImage(file.data, type.mime);
        if (!source.ok) return { ok: false, error: source.error };
        const variants: Record<string, string> = {};
        let width: number | null = null;
        let height: number | null = null;
        try {
          for (const w of IMAGE_WIDTHS) {
            // rotate() applies the EXIF orientation before the metadata is dropped.
            const out = await source
              .open()
              .rotate()
              .resize({ width: w, withoutEnlargement: true })
              .webp({ quality: 68 })
              .toBuffer({ resolveWithObject: true });
            const name = `${id}-${w}.webp`;
            await fs.writeFile(path.join(folder, name), out.data);
            variants[String(w)] = name;
            if (w === IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] || source.width <= w) {
              width = out.info.width;
              height = out.info.height;
            }
            if (source.width <= w) break;
          }
        } catch {
          // The header was readable but the pixels were not (a truncated file, say): nothing is kept.
          await Promise.all(Object.values(variants).map((name) => fs.rm(path.join(folder, name), { force: true })));
          return { ok: false, error: 'undecodable' };
        }
        stored = { id, mime: 'image/webp', bytes: file.data.length, width, height, variants };
      } else {
        const name = `${id}.${type.ext}`;
        await fs.writeFile(path.join(folder, name), file.data);
        stored = {
          id,
          mime: officeMime[type.ext] ?? type.mime,
          bytes: file.data.length,
          width: null,
          height: null,
          variants: { file: name },
        };
      }
      await db
        .insertInto('media')
        .values({
          id,
          owner_user_id: owner.userId,
          organization_id: owner.organizationId,
          mime: stored.mime,
          bytes: stored.bytes,
          width: stored.width,
          height: stored.height,
          variants: JSON.stringify(stored.variants),
          is_public: owner.isPublic ? 1 : 0,
          created_at: now.toISOString(),
        })
        .execute();
      return { ok: true, media: stored };
    },
  };
}

/** The message a person sees for a refused upload, in their language. */
export function uploadErrorMessage(i18n: { t: (key: never, params?: never) => string }, error: UploadError): string {
  return i18n.t(`media.error.${error}` as never, { max: MAX_UPLOAD_BYTES / 1024 / 1024 } as never);
}
