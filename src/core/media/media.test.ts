// Upload intake: type from bytes (never the name or the browser's type), SVG and executables refused,
// generated names, the size cap, and no metadata after re-encoding — for JPEG, PNG, WebP and HEIC,
// checked on every stored variant both with sharp and byte by byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import type { DbHandle } from '../db/index.js';
import { createI18n, loadCatalogs } from '../i18n/index.js';
import { SRC_DIR } from '../i18n/generate-types.js';
import { decodeHeic } from './heic.js';
import { createMediaStore, sniff, uploadErrorMessage, MAX_UPLOAD_BYTES, type StoredMedia } from './index.js';

let h: DbHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-media-'));
const store = createMediaStore(dir);
const now = new Date('2026-06-28T09:00:00Z');
const owner = { userId: null, organizationId: null, isPublic: true };
const heicFixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/observer-gps.heic'));

beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// --- what a phone or a camera app puts into a photo ------------------------------------------

const PERSON = 'Someone Identifiable';
const exif = {
  IFD0: { Make: 'PhoneMaker', Model: 'Observer-Phone', Artist: PERSON },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 31/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 3/1 40/1' },
};
const xmp =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/">' +
  `<dc:creator><rdf:Seq><rdf:li>${PERSON}</rdf:li></rdf:Seq></dc:creator>` +
  '<dc:description>Polling station 17</dc:description><exif:GPSLatitude>36,31.2N</exif:GPSLatitude>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
const SECRETS = [PERSON, 'Observer-Phone', 'PhoneMaker', 'Polling station 17', 'xmpmeta', 'ns.adobe.com', 'Exif'];

/** The GPS latitude 36°31'12" as EXIF stores it (three unsigned rationals), in both byte orders. */
const gpsLatitudeBytes = (['BE', 'LE'] as const).map((order) => {
  const b = Buffer.alloc(24);
  [36, 1, 31, 1, 12, 1].forEach((n, i) => (order === 'BE' ? b.writeUInt32BE(n, i * 4) : b.writeUInt32LE(n, i * 4)));
  return b;
});
const hasGpsLatitude = (bytes: Buffer) => gpsLatitudeBytes.some((p) => bytes.includes(p));

function pngChunk(type: string, data: Buffer) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}
function pngChunkTypes(png: Buffer) {
  const types: string[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const len = png.readUInt32BE(at);
    types.push(png.toString('latin1', at + 4, at + 8));
    at += 12 + len;
  }
  return types;
}
function riffChunkTypes(webp: Buffer) {
  const types: string[] = [];
  for (let at = 12; at + 8 <= webp.length;) {
    const len = webp.readUInt32LE(at + 4);
    types.push(webp.toString('latin1', at, at + 4));
    at += 8 + len + (len % 2);
  }
  return types;
}

const photo = () => sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 120, b: 90 } } });

/** A JPEG with EXIF (GPS), XMP and a comment segment (COM, written by hand: sharp never writes one). */
async function taggedJpeg() {
  const jpeg = await photo().jpeg().withExif(exif).withXmp(xmp).toBuffer();
  const text = Buffer.from(`Taken by ${PERSON}`, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), text]);
  com.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
}

/** A PNG with eXIf (GPS), iCCP (Display P3), and tEXt Author, iTXt XMP, zTXt Description chunks. */
async function taggedPng() {
  const png = await photo().png().withExif(exif).withIccProfile('p3').toBuffer();
  const afterIhdr = 8 + 12 + png.readUInt32BE(8);
  const chunks = [
    pngChunk('tEXt', Buffer.from(`Author\0${PERSON}`, 'latin1')),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp, 'utf8')])),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Description\0\0', 'latin1'), zlib.deflateSync('Polling station 17')])),
  ];
  return Buffer.concat([png.subarray(0, afterIhdr), ...chunks, png.subarray(afterIhdr)]);
}

/** A WebP with EXIF (GPS), XMP and ICCP chunks. */
const taggedWebp = () => photo().webp().withExif(exif).withXmp(xmp).withIccProfile('p3').toBuffer();

/** Every stored variant: a WebP of image chunks only, nothing sharp reports, none of the words or GPS bytes. */
async function expectNoMetadata(media: StoredMedia) {
  expect(media.mime).toBe('image/webp');
  expect(Object.keys(media.variants).length).toBeGreaterThan(0);
  for (const name of Object.values(media.variants)) {
    const bytes = fs.readFileSync(store.filePath(media.id, name)!);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.comments).toBeUndefined();
    for (const type of riffChunkTypes(bytes)) expect(['VP8 ', 'VP8L', 'VP8X', 'ALPH']).toContain(type);
    for (const secret of SECRETS) {
      expect(bytes.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);
      expect(bytes.includes(Buffer.from(secret.toLowerCase(), 'latin1')), secret).toBe(false);
    }
    expect(hasGpsLatitude(bytes)).toBe(false);
  }
}

async function saveOk(data: Buffer, filename: string, mimetype: string) {
  const res = await store.save(h.db, { filename, mimetype, data }, owner, now);
  if (!res.ok) throw new Error(`upload refused: ${res.error}`);
  return res.media;
}

const filesOnDisk = () => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const variantName = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-(320|640|1280)\.webp$/;

// --- metadata ------------------------------------------------------------------------------

describe('no metadata survives an upload', () => {
  it('JPEG: EXIF with GPS, XMP and a comment are gone from every phone-sized variant', async () => {
    const input = await taggedJpeg();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('Observer-Phone');
    expect(before.xmp?.toString()).toContain(PERSON);
    expect(input.includes(Buffer.from(`Taken by ${PERSON}`))).toBe(true);
    expect(hasGpsLatitude(input)).toBe(true);
    const media = await saveOk(input, 'IMG_2041.jpg', 'image/jpeg');
    expect(Object.keys(media.variants)).toEqual(['320', '640', '1280']);
    await expectNoMetadata(media);
    const phone = fs.statSync(store.filePath(media.id, media.variants['640']!)!).size;
    expect(phone).toBeLessThan(60 * 1024);
  });

  it('PNG: eXIf (GPS), tEXt Author, iTXt XMP, zTXt and the ICC profile are gone', async () => {
    const input = await taggedPng();
    expect(pngChunkTypes(input)).toEqual(expect.arrayContaining(['eXIf', 'iCCP', 'tEXt', 'iTXt', 'zTXt']));
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('Observer-Phone');
    expect(before.icc).toBeDefined();
    expect(before.comments?.map((c) => c.keyword)).toContain('Author');
    expect(input.includes(Buffer.from(`Author\0${PERSON}`))).toBe(true);
    expect(input.includes(Buffer.from('<x:xmpmeta'))).toBe(true);
    expect(hasGpsLatitude(input)).toBe(true);
    const media = await saveOk(input, 'scan.png', 'image/png');
    expect(Object.keys(media.variants)).toEqual(['320', '640', '1280']);
    await expectNoMetadata(media);
  });

  it('WebP: the EXIF (GPS), XMP and ICCP chunks are gone', async () => {
    const input = await taggedWebp();
    expect(riffChunkTypes(input)).toEqual(expect.arrayContaining(['VP8X', 'EXIF', 'XMP ', 'ICCP']));
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('Observer-Phone');
    expect(before.xmp?.toString()).toContain(PERSON);
    expect(hasGpsLatitude(input)).toBe(true);
    const media = await saveOk(input, 'shared.webp', 'image/webp');
    expect(Object.keys(media.variants)).toEqual(['320', '640', '1280']);
    await expectNoMetadata(media);
  });

  it('HEIC from a phone: decoded and re-encoded, its GPS, EXIF and XMP gone, the picture kept', async () => {
    // fixtures/README.md says how the file was made; first, that it carries what we claim.
    expect(sniff(heicFixture, 'IMG_0001.HEIC')).toEqual({ kind: 'image', mime: 'image/heic' });
    const before = await sharp(heicFixture).metadata();
    expect(before.compression).toBe('hevc');
    expect(before.exif?.toString('latin1')).toContain('Observer-Phone');
    expect(before.xmp?.toString()).toContain('Polling station 17');
    expect(hasGpsLatitude(heicFixture)).toBe(true);

    const media = await saveOk(heicFixture, 'IMG_0001.HEIC', 'image/heic');
    expect(Object.keys(media.variants)).toEqual(['320', '640']); // 480 px wide: not enlarged past that
    expect([media.width, media.height]).toEqual([480, 320]);
    await expectNoMetadata(media);
    // The picture itself came through: red on the left, blue on the right, the right way up.
    const { data, info } = await sharp(fs.readFileSync(store.filePath(media.id, media.variants['640']!)!))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels).subarray(0, 3)];
    const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]!) < 30);
    expect(near(pixel(60, 160), [220, 30, 30]), String(pixel(60, 160))).toBe(true);
    expect(near(pixel(420, 160), [30, 40, 200]), String(pixel(420, 160))).toBe(true);
  });

  it('HEIC that cannot be decoded: refused with a message that asks for JPEG, in Arabic and English', async () => {
    const files = filesOnDisk().length;
    const truncated = heicFixture.subarray(0, 1200); // the header is there, the picture is not
    expect(sniff(truncated).kind).toBe('image');
    const res = await store.save(
      h.db,
      { filename: 'IMG_0002.HEIC', mimetype: 'image/heic', data: truncated },
      owner,
      now,
    );
    expect(res).toEqual({ ok: false, error: 'heic' });
    expect(filesOnDisk().length).toBe(files);
    const i18n = createI18n(loadCatalogs(SRC_DIR));
    const ar = uploadErrorMessage(i18n.translator('ar', { digits: 'latn' }), 'heic');
    const en = uploadErrorMessage(i18n.translator('en', { digits: 'latn' }), 'heic');
    expect(ar).toContain('JPEG');
    expect(ar).toMatch(/[\u0600-\u06ff]/);
    expect(en).toMatch(/send it as JPEG/);
    for (const tr of [i18n.translator('ar', { digits: 'latn' }), i18n.translator('en', { digits: 'latn' })])
      expect(uploadErrorMessage(tr, 'unknown')).toContain('HEIC');
  });

  it('HEIC declaring an enormous picture is refused before any pixel is decoded', async () => {
    const huge = Buffer.from(heicFixture);
    const ispe = huge.indexOf('ispe', 0, 'latin1');
    expect(ispe).toBeGreaterThan(0);
    huge.writeUInt32BE(20_000, ispe + 8); // width, after the box's version and flags
    huge.writeUInt32BE(20_000, ispe + 12); // height: 400 megapixels, 1.6 GB as RGBA
    const started = Date.now();
    const res = await store.save(h.db, { filename: 'bomb.heic', mimetype: 'image/heic', data: huge }, owner, now);
    expect(res).toEqual({ ok: false, error: 'undecodable' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('HEIC decoding has a time limit (the worker is stopped) and several decodes can wait their turn', async () => {
    expect(await decodeHeic(heicFixture, { maxPixels: 50_000_000, timeoutMs: 1 })).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    const all = await Promise.all([1, 2, 3].map(() => decodeHeic(heicFixture, { maxPixels: 50_000_000 })));
    expect(all.map((r) => r.ok && [r.image.width, r.image.height, r.image.data.length])).toEqual(
      Array(3).fill([480, 320, 480 * 320 * 4]),
    );
  });

  it('GIF and AVIF, also listed as accepted, are re-encoded to WebP too', async () => {
    for (const [input, name] of [
      [await photo().gif().toBuffer(), 'animation.gif'],
      [await photo().avif({ effort: 0 }).withExif(exif).toBuffer(), 'photo.avif'],
    ] as const) {
      const media = await saveOk(input, name, 'application/octet-stream');
      await expectNoMetadata(media);
    }
  });
});

// --- what is accepted, and under which name --------------------------------------------------

describe('media intake', () => {
  it('decides the type from the bytes, never from the file name or the browser', async () => {
    const png = await photo().png().toBuffer();
    const jpeg = await photo().jpeg().toBuffer();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    expect(sniff(png, 'photo.jpg')).toEqual({ kind: 'image', mime: 'image/png' });
    expect(sniff(jpeg, 'report.pdf')).toEqual({ kind: 'image', mime: 'image/jpeg' });
    expect(sniff(heicFixture, 'photo.jpg')).toEqual({ kind: 'image', mime: 'image/heic' });
    expect(sniff(pdf, 'photo.jpg')).toMatchObject({ kind: 'document', ext: 'pdf' });
    // A JPEG posted as a PDF is still re-encoded as an image; a PDF posted as a JPEG stays a PDF
    // and is refused where only images are taken.
    const asPdf = await saveOk(jpeg, 'report.pdf', 'application/pdf');
    expect(asPdf.mime).toBe('image/webp');
    const asJpeg = await saveOk(pdf, 'photo.jpg', 'image/jpeg');
    expect(asJpeg.variants).toEqual({ file: `${asJpeg.id}.pdf` });
    const logo = await store.save(
      h.db,
      { filename: 'logo.jpg', mimetype: 'image/jpeg', data: pdf },
      { ...owner, imagesOnly: true },
      now,
    );
    expect(logo).toEqual({ ok: false, error: 'unknown' });
  });

  it('names every stored file itself: the uploaded name is kept nowhere', async () => {
    const filename = 'Ahmad-at-station-17.jpg';
    const media = await saveOk(await photo().jpeg().toBuffer(), filename, 'image/jpeg');
    expect(media.id).toMatch(/^[0-9a-f-]{36}$/);
    for (const name of Object.values(media.variants)) {
      expect(name).toMatch(variantName);
      expect(name.startsWith(media.id)).toBe(true);
    }
    const row = await h.db.selectFrom('media').selectAll().where('id', '=', media.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Ahmad');
    expect(filesOnDisk().some((f) => f.name.includes('Ahmad'))).toBe(false);
    // Only names the store writes map to a path.
    expect(store.filePath(media.id, '../../etc/passwd')).toBeNull();
    expect(store.filePath('../' + media.id.slice(3), Object.values(media.variants)[0]!)).toBeNull();
    expect(store.filePath(media.id, filename)).toBeNull();
  });

  it('refuses SVG under any name or disguise, executables, empty and unknown files', async () => {
    const svgs = [
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      '\ufeff  \n<SVG xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></SVG>',
      '<!-- a logo --><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>',
    ];
    for (const [i, text] of svgs.entries()) {
      const data = Buffer.from(text);
      expect(sniff(data, 'logo.png'), `svg ${i}`).toEqual({ kind: 'refused', reason: 'svg' });
      expect(await store.save(h.db, { filename: 'logo.png', mimetype: 'image/png', data }, owner, now)).toEqual({
        ok: false,
        error: 'svg',
      });
    }
    // A JPEG signature in front of an SVG body is sniffed as JPEG, and then cannot be decoded.
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(svgs[0]!)]);
    expect((await store.save(h.db, { filename: 'x.jpg', mimetype: 'image/jpeg', data: polyglot }, owner, now)).ok).toBe(
      false,
    );
    expect(sniff(Buffer.from('MZ\x90\x00rest'), 'photo.jpg')).toEqual({ kind: 'refused', reason: 'executable' });
    expect(sniff(Buffer.from('\x7fELF\x02\x01'), 'photo.jpg')).toEqual({ kind: 'refused', reason: 'executable' });
    expect(sniff(Buffer.alloc(0))).toEqual({ kind: 'refused', reason: 'empty' });
    expect(sniff(Buffer.from('just some text'), 'notes.pdf')).toEqual({ kind: 'refused', reason: 'unknown' });
    expect(sniff(Buffer.from('PK\x03\x04....'), 'plan.docx')).toMatchObject({ kind: 'document', ext: 'docx' });
    expect(sniff(Buffer.from('PK\x03\x04....'), 'archive.zip').kind).toBe('refused');
  });

  it('leaves nothing behind when an image header reads but its pixels do not', async () => {
    const jpeg = await photo().jpeg().toBuffer();
    const files = filesOnDisk().length;
    const rows = await h.db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await store.save(
      h.db,
      { filename: 'cut.jpg', mimetype: 'image/jpeg', data: jpeg.subarray(0, Math.floor(jpeg.length / 2)) },
      owner,
      now,
    );
    expect(res).toEqual({ ok: false, error: 'undecodable' });
    expect(filesOnDisk().length).toBe(files);
    const after = await h.db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(rows.n));
  });

  it('refuses a file over the cap in the store, and the HTTP layer stops reading it', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff);
    expect(await store.save(h.db, { filename: 'big.jpg', mimetype: 'image/jpeg', data: big }, owner, now)).toEqual({
      ok: false,
      error: 'tooLarge',
    });
    let t: TestApp | undefined;
    try {
      t = await buildTestApp();
      const boundary = '----waslmedia';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        big,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/organizations/1/edit',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.statusCode).toBe(413);
      const { n } = await t.handle.db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(0);
    } finally {
      await t?.close();
    }
  });
});
