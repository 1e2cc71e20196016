// A generated HSDS 2.x (Open Referral 2.0 / ORServices) tabular package of any size, for the
// import's tests and its measurement: organizations, services (Arabic and English names, text ids
// that are not UUIDs, as older packages have them), locations with a physical address, the
// services_at_location links, regular weekly hours and phones. Deterministic: the same n gives
// the same bytes.
import type { DataPackage } from '../hsds/tabular.js';

const csv = (rows: (string | number)[][]) =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(','))
    .join('\n') + '\n';

const WORDS_AR = ['عيادة', 'دعم نفسي', 'تعليم', 'وثائق مدنية', 'مياه', 'غذاء', 'مأوى', 'تدريب مهني'];
const WORDS_EN = [
  'clinic',
  'psychosocial support',
  'education',
  'civil documents',
  'water',
  'food',
  'shelter',
  'training',
];
const DAYS = ['Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday'];

/** n services, one organization per 20 services, one location per 2 services. */
export function hsds2Package(n: number): DataPackage {
  const orgs = Math.max(1, Math.ceil(n / 20));
  const locs = Math.max(1, Math.ceil(n / 2));
  const organizations: (string | number)[][] = [['id', 'name', 'description', 'url', 'email']];
  for (let o = 1; o <= orgs; o++)
    organizations.push([
      `org-${o}`,
      `Organization ${o}`,
      `Member organization number ${o}`,
      `https://org${o}.example.org`,
      `info@org${o}.example.org`,
    ]);
  const locations: (string | number)[][] = [['id', 'organization_id', 'name', 'description', 'latitude', 'longitude']];
  const addresses: (string | number)[][] = [
    ['id', 'location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country'],
  ];
  for (let l = 1; l <= locs; l++) {
    const org = ((l - 1) % orgs) + 1;
    locations.push([
      `loc-${l}`,
      `org-${org}`,
      `Centre ${l}`,
      'Ground floor',
      (36 + (l % 100) / 200).toFixed(4),
      (37 + (l % 97) / 200).toFixed(4),
    ]);
    addresses.push([`addr-${l}`, `loc-${l}`, `${l} Main street`, 'Aleppo', 'Aleppo', '', 'SY']);
  }
  const services: (string | number)[][] = [
    ['id', 'organization_id', 'name', 'alternate_name', 'description', 'status', 'url', 'email'],
  ];
  const links: (string | number)[][] = [['id', 'service_id', 'location_id']];
  const hours: (string | number)[][] = [['id', 'service_id', 'weekday', 'opens_at', 'closes_at']];
  const phones: (string | number)[][] = [['id', 'service_id', 'number', 'type', 'language']];
  for (let s = 1; s <= n; s++) {
    const w = (s - 1) % WORDS_AR.length;
    const org = ((s - 1) % orgs) + 1;
    services.push([
      `svc-${s}`,
      `org-${org}`,
      `${WORDS_AR[w]} ${s}`,
      `${WORDS_EN[w]} ${s}`,
      `خدمة ${WORDS_AR[w]} رقم ${s} للأسر في المنطقة، مجاناً، مع متابعة.`,
      s % 50 === 0 ? 'inactive' : 'active',
      `https://org${org}.example.org/services/${s}`,
      `service${s}@org${org}.example.org`,
    ]);
    links.push([`sal-${s}`, `svc-${s}`, `loc-${((s - 1) % locs) + 1}`]);
    for (const [i, day] of DAYS.slice(0, 2 + (s % 5)).entries())
      hours.push([`sch-${s}-${i}`, `svc-${s}`, day, '8:00', s % 3 ? '2 PM' : '16:30']);
    phones.push([`ph-${s}`, `svc-${s}`, `+963 944 ${String(100000 + s).slice(-6)}`, 'voice', 'ar']);
  }
  return new Map([
    ['organizations.csv', csv(organizations)],
    ['locations.csv', csv(locations)],
    ['physical_addresses.csv', csv(addresses)],
    ['services.csv', csv(services)],
    ['services_at_location.csv', csv(links)],
    ['regular_schedules.csv', csv(hours)],
    ['phones.csv', csv(phones)],
  ]);
}
