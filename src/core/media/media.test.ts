// Upload intake: type from bytes, SVG and executables refused, metadata gone after re-encoding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db.js';
import type { DbHandle } from '../db/index.js';
import { createMediaStore, sniff, MAX_UPLOAD_BYTES } from './index.js';

let h: DbHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-media-'));
const store = createMediaStore(dir);
const now = new Date('2026-06-28T09:00:00Z');
const owner = { userId: null, organizationId: null, isPublic: true };

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function gpsTaggedJpeg() {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Observer-Phone', Artist: 'Someone Identifiable' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 31/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 3/1 40/1' },
    })
    .toBuffer();
}

describe('media intake', () => {
  it('re-encodes a GPS-tagged photo so that no metadata survives, in phone-sized variants', async () => {
    const input = await gpsTaggedJpeg();
    expect((await sharp(input).metadata()).exif?.toString('latin1')).toContain('Observer-Phone');
    const res = await store.save(h.db, { filename: 'IMG_2041.jpg', mimetype: 'image/jpeg', data: input }, owner, now);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(Object.keys(res.media.variants)).toEqual(['320', '640', '1280']);
    for (const file of Object.values(res.media.variants)) {
      expect(file).not.toContain('IMG_2041');
      const bytes = fs.readFileSync(store.filePath(res.media.id, file)!);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(bytes.toString('latin1')).not.toMatch(/Observer-Phone|PhoneMaker|Someone Identifiable/);
    }
    const phone = fs.statSync(store.filePath(res.media.id, res.media.variants['640']!)!).size;
    expect(phone).toBeLessThan(60 * 1024);
  });

  it('refuses SVG (even named .png), executables, empty and unknown files, and oversized uploads', async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    expect(sniff(svg, 'logo.png')).toEqual({ kind: 'refused', reason: 'svg' });
    expect((await store.save(h.db, { filename: 'logo.png', mimetype: 'image/png', data: svg }, owner, now)).ok).toBe(
      false,
    );
    expect(sniff(Buffer.from('MZ\x90\x00rest'), 'photo.jpg').kind).toBe('refused');
    expect(sniff(Buffer.alloc(0)).kind).toBe('refused');
    expect(sniff(Buffer.from('just some text'), 'notes.pdf').kind).toBe('refused');
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff);
    expect(await store.save(h.db, { filename: 'big.jpg', mimetype: 'image/jpeg', data: big }, owner, now)).toEqual({
      ok: false,
      error: 'tooLarge',
    });
    const { n } = await h.db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1); // only the photo of the first test
  });

  it('keeps a PDF as is, under a generated name, and accepts office files only by their extension and zip signature', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const res = await store.save(
      h.db,
      { filename: '../../etc/passwd.pdf', mimetype: 'application/pdf', data: pdf },
      owner,
      now,
    );
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.media.variants.file).toMatch(/^[0-9a-f-]{36}\.pdf$/);
      expect(store.filePath(res.media.id, '../../etc/passwd')).toBeNull();
    }
    expect(sniff(Buffer.from('PK\x03\x04....'), 'plan.docx')).toMatchObject({ kind: 'document', ext: 'docx' });
    expect(sniff(Buffer.from('PK\x03\x04....'), 'archive.zip').kind).toBe('refused');
  });
});
