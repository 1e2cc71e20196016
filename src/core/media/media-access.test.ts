// Finding 7 of the security probe (#18): a draft's cover was served to anyone who had its /media
// address. Media are public only while the item they belong to is published; before that, and
// after it is withdrawn, /media answers 404 to everyone (the owning feature serves private files
// after its own check). Through the real routes, on SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  idFrom,
  itemFormFields,
  itemRow,
  postMultipart,
  useWorld,
} from '../../features/publishing/testing/fixtures.js';

const w = useWorld();

/** Every stored variant's /media address of a media row. */
async function addresses(id: string): Promise<string[]> {
  const row = await w.t.handle.db.selectFrom('media').select('variants').where('id', '=', id).executeTakeFirstOrThrow();
  return Object.values(JSON.parse(row.variants) as Record<string, string>).map((file) => `/media/${id}/${file}`);
}

describe('media of unpublished items', () => {
  it('serves a draft’s cover to no one by its address, and only while the item is published', async () => {
    const c = w.clients.staffA!;
    await c.get(`/publishing/new?kind=activity&org=${w.orgA}`);
    const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: { r: 9, g: 90, b: 60 } } })
      .png()
      .toBuffer();
    const res = await postMultipart(w, c, '/publishing/new?kind=activity', itemFormFields(w.orgA, {}), {
      cover: { name: 'cover.png', type: 'image/png', data: png },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = idFrom(res.headers.location);
    const cover = (await itemRow(w, id)).cover_media_id!;
    expect(cover).toBeTruthy();
    const urls = await addresses(cover);
    expect(urls.length).toBeGreaterThan(0);
    const status = async (client: (typeof w.clients)[string]) =>
      Promise.all(urls.map(async (u) => (await client!.get(u)).statusCode));

    // a draft, then submitted: its cover is nobody's to fetch by address
    for (const who of [w.clients.anon, w.clients.member, w.clients.staffB])
      expect(await status(who)).toEqual(urls.map(() => 404));
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    expect((await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    expect(await status(w.clients.anon)).toEqual(urls.map(() => 404));

    // ... but its writer previews it with the cover, through the item's own check
    let preview = await c.get(`/activities/${id}`);
    if (preview.statusCode === 301) preview = await c.get(preview.headers.location as string);
    expect(preview.statusCode).toBe(200);
    const previewSrcs = [...preview.body.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const coverSrc = previewSrcs.find((s) => s.startsWith(`/publishing/covers/${id}/`));
    expect(coverSrc, previewSrcs.join(' ')).toBeTruthy();
    expect(previewSrcs.some((s) => s.startsWith('/media/'))).toBe(false);
    const own = await c.get(coverSrc!);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toMatch(/^image\//);
    expect(own.headers['cache-control']).toMatch(/no-store/);
    for (const who of [w.clients.anon, w.clients.member, w.clients.staffB])
      expect((await who!.get(coverSrc!)).statusCode).toBe(404);
    // a file name that is not one of this cover's variants is refused
    expect((await c.get(`/publishing/covers/${id}/..%2F..%2Fwasl.sqlite`)).statusCode).toBe(404);

    // published: public
    await w.clients.editor!.get(`/publishing/items/${id}`);
    expect((await w.clients.editor!.post(`/publishing/items/${id}/publish`, {})).statusCode).toBe(303);
    expect(await status(w.clients.anon)).toEqual(urls.map(() => 200));

    // withdrawn: private again
    await w.clients.editor!.get(`/publishing/items/${id}`);
    expect((await w.clients.editor!.post(`/publishing/items/${id}/unpublish`, { comment: 'out' })).statusCode).toBe(
      303,
    );
    expect(await status(w.clients.anon)).toEqual(urls.map(() => 404));
  });
});
