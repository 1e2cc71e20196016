// /towns: a search box, and the towns where the network's active members work, by district.
import { beforeAll, describe, expect, it } from 'vitest';
import { importGazetteer } from '../../core/towns/queries.js';
import { makeNetwork, makeOrganization } from '../../testing/app.js';
import { useTestApp } from '../../testing/use-app.js';

const GAZETTEER =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1564,أعزاز,Azaz,SY020400,مركز اعزاز,Azaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.58,37.04\n' +
  'C1202,الباب,Al Bab,SY020200,مركز الباب,Al Bab,SY0202,الباب,Al Bab,SY02,حلب,Aleppo,36.37,37.51\n';

const t = useTestApp();
beforeAll(async () => {
  const db = t.handle.db;
  await importGazetteer(db, GAZETTEER, { now: t.clock.now });
  const net = await makeNetwork(db);
  const a = await makeOrganization(db, net, 'Alpha');
  const b = await makeOrganization(db, net, 'Beta');
  const gone = await makeOrganization(db, net, 'Gone');
  await db.updateTable('organizations').set({ status: 'left' }).where('id', '=', gone).execute();
  await db
    .insertInto('organization_towns')
    .values([
      { organization_id: a, town_pcode: 'C1594' },
      { organization_id: b, town_pcode: 'C1594' },
      { organization_id: b, town_pcode: 'C1564' },
      { organization_id: gone, town_pcode: 'C1202' },
    ])
    .execute();
});

describe('/towns', () => {
  it('lists the towns where active members work, by district, with how many organizations', async () => {
    const res = await t.app.inject({ url: '/towns' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/towns/C1594"');
    expect(res.body).toContain('href="/towns/C1564"');
    expect(res.body).toContain('منظمتان'); // two organizations work in Tal'ar
    expect(res.body).not.toContain('href="/towns/C1202"'); // only an organization that left works there
    expect(res.body).toContain('بلدتان تعمل فيهما منظمات الشبكة');
  });

  it('still searches by name or code, in both languages', async () => {
    const res = await t.app.inject({ url: '/towns?q=Tal%20Aar&lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tal Aar Sharqiyeh');
  });
});
