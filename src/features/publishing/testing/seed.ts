// The demo seed of the public site: writes the items of seed-data.ts through the workflow (created,
// submitted, published or returned at their days), with generated covers and small PDF files, and
// one correction after publication so a revision history has something to show.
import sharp from 'sharp';
import type { WaslServices } from '../../../core/services.js';
import type { DemoContext } from '../../../core/feature.js';
import {
  createItem,
  publishItem,
  returnItem,
  setFeatured,
  setMedia,
  submitItem,
  updateItem,
  type ItemInput,
} from '../workspace/actions.js';
import { demoItems as items } from './seed-data.js';

const DAY = 86_400_000;

/** A small valid PDF with the given number of pages (Latin text: it is a demo file). */
export function makeDemoPdf(title: string, pages: number): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: font, then a page and its content stream per page.
  for (let p = 0; p < pages; p++) pageIds.push(4 + p * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const safe = title.replace(/[()\\]/g, '');
  for (let p = 0; p < pages; p++) {
    const text = `BT /F1 18 Tf 72 760 Td (${safe}) Tj 0 -28 Td /F1 12 Tf (Wasl Network - page ${p + 1} of ${pages}) Tj ET`;
    objects[4 + p * 2] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + p * 2} 0 R >>`;
    objects[5 + p * 2] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A soft landscape in the given colour (a demo cover; real covers are uploaded photos). */
async function makeCover(rgb: [number, number, number]): Promise<Buffer> {
  const w = 1280;
  const h = 720;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const hill = h * 0.62 + Math.sin(x / 140) * 40 + Math.sin(x / 53) * 12;
      const sky = y < hill;
      const f = sky ? 0.55 + (0.45 * y) / h : 0.35 + (0.25 * (h - y)) / h;
      const i = (y * w + x) * 3;
      px[i] = Math.min(255, Math.round(rgb[0] * f + (sky ? 90 : 0)));
      px[i + 1] = Math.min(255, Math.round(rgb[1] * f + (sky ? 90 : 0)));
      px[i + 2] = Math.min(255, Math.round(rgb[2] * f + (sky ? 90 : 0)));
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer();
}

export async function seedPublishing(wasl: WaslServices, ctx: DemoContext): Promise<void> {
  const { db } = wasl;
  const editor = ctx.users.editor ?? null;
  const ids = new Map<string, number>();
  const at = (daysAgo: number) => new Date(ctx.now.getTime() - daysAgo * DAY);
  const author = (org: string | null) =>
    org ? (ctx.users[`${org}-staff`] ?? ctx.users[`${org}-admin`] ?? editor) : editor;

  for (const d of items) {
    const orgId = d.org ? (ctx.orgs[d.org] ?? null) : null;
    if (d.org && orgId === null) continue;
    const created = d.daysAgo !== null ? at(d.daysAgo + 2) : at(1);
    const activityDate =
      d.activityDay !== undefined ? new Date(ctx.now.getTime() + d.activityDay * DAY).toISOString().slice(0, 10) : null;
    const input: ItemInput = {
      kind: d.kind,
      organizationId: orgId,
      lang: d.lang ?? 'ar',
      title: d.title,
      summary: d.summary,
      body: d.body,
      byline: d.byline ?? '',
      bylinePseudonym: d.bylinePseudonym ?? false,
      towns: d.towns ?? [],
      topics: d.topics ?? [],
      collection: d.collection ?? null,
      resourceType: d.resourceType ?? null,
      pageKey: d.pageKey ?? null,
      translationOf: d.translationOfKey ? (ids.get(d.translationOfKey) ?? null) : null,
      localIssueId: d.issueKey ? (ids.get(d.issueKey) ?? null) : null,
      projectId: null,
      activityDate,
      coverAlt: d.coverAlt ?? '',
      filePages: d.filePages ?? null,
      externalUrl: d.externalUrl ?? null,
    };
    const writer = author(d.org);
    const id = await createItem(db, ctx.networkId, input, writer, created);
    ids.set(d.key, id);
    if (d.cover) {
      const saved = await wasl.media.save(
        db,
        { filename: 'cover.png', mimetype: 'image/png', data: await makeCover(d.cover) },
        { userId: writer, organizationId: orgId, isPublic: true, imagesOnly: true },
        created,
      );
      if (saved.ok) await setMedia(db, id, 'cover_media_id', saved.media.id);
    }
    if (d.pdf) {
      const saved = await wasl.media.save(
        db,
        { filename: 'resource.pdf', mimetype: 'application/pdf', data: makeDemoPdf(d.pdf.title, d.pdf.pages) },
        { userId: writer, organizationId: orgId, isPublic: false },
        created,
      );
      if (saved.ok) await setMedia(db, id, 'file_media_id', saved.media.id);
    }
    const admin = d.org ? (ctx.users[`${d.org}-admin`] ?? writer) : editor;
    if (d.daysAgo !== null) {
      if (d.org) await submitItem(db, id, admin, at(d.daysAgo + 1));
      await publishItem(db, id, editor, at(d.daysAgo));
      if (d.featured && editor) await setFeatured(db, id, true, editor, at(d.daysAgo));
    } else if (d.state === 'submitted' || d.state === 'returned') {
      await submitItem(db, id, admin, at(1));
      if (d.state === 'returned' && editor) await returnItem(db, id, editor, d.returnComment ?? '', ctx.now);
    }
  }

  // A correction after publication, so the revision history has something to show.
  const dialogue = ids.get('talar-dialogue');
  const original = items.find((i) => i.key === 'talar-dialogue')!;
  if (dialogue && editor) {
    const row = await db.selectFrom('pub_items').selectAll().where('id', '=', dialogue).executeTakeFirstOrThrow();
    const towns = await db.selectFrom('pub_item_towns').select('town_pcode').where('item_id', '=', dialogue).execute();
    const topics = await db.selectFrom('pub_item_topics').select('topic').where('item_id', '=', dialogue).execute();
    await updateItem(
      db,
      dialogue,
      {
        kind: row.kind,
        organizationId: row.organization_id,
        lang: row.lang,
        title: row.title,
        summary: row.summary,
        body: `${original.body}\n\n*تصحيح: ورد في نسخة سابقة أن الجلسة عُقدت في مبنى المجلس، والصحيح أنها عُقدت في قاعة المركز الثقافي.*`,
        byline: row.byline,
        bylinePseudonym: false,
        towns: towns.map((t) => t.town_pcode),
        topics: topics.map((t) => t.topic),
        collection: null,
        resourceType: null,
        pageKey: null,
        translationOf: null,
        localIssueId: row.local_issue_id,
        projectId: null,
        activityDate: row.activity_date,
        coverAlt: row.cover_alt,
        filePages: null,
        externalUrl: null,
      },
      editor,
      at(3),
    );
  }
}
