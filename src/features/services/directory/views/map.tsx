// The map, drawn on the server as SVG: Aleppo governorate's districts (generated outlines) and a
// point per town that has services, linking to the town's services; then the same towns as a list.
import { localized } from '../../../../core/i18n/localized.js';
import { usePage } from '../../../../core/views/context.js';
import { TitledLayout } from '../../../../core/views/Layout.js';
import { DISTRICTS, MAP_HEIGHT, MAP_PROJECTION, MAP_WIDTH } from '../../map/districts.generated.js';
import { Credit } from './components.js';

export type MapTown = {
  pcode: string;
  name_ar: string;
  name_en: string;
  lat: number | null;
  lon: number | null;
  count: number;
};

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Towns with coordinates, placed on the map's projection. */
function placed(towns: MapTown[], locale: string) {
  const { minLon, maxLat, kx, scale } = MAP_PROJECTION;
  return towns
    .filter((t) => t.lat !== null && t.lon !== null)
    .map((t) => ({
      pcode: t.pcode,
      name: localized(t, 'name', locale),
      x: r1((t.lon! - minLon) * kx * scale),
      y: r1((maxLat - t.lat!) * scale),
      count: t.count,
    }));
}

export function MapPage(p: { towns: MapTown[] }) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const towns = placed(p.towns, locale);
  const sorted = [...towns].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale));
  const radius = (count: number) => Math.min(22, 8 + count * 2);
  return (
    <TitledLayout title={t('services.map.title')}>
      <p>{t('services.map.intro')}</p>
      <figure class="svc-map">
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="img"
          aria-labelledby="map-title"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id="map-title">{t('services.map.title')}</title>
          {DISTRICTS.map((d) => (
            <path class="district" d={d.d}>
              <title>{localized(d, 'name', locale)}</title>
            </path>
          ))}
          {DISTRICTS.map((d) => (
            <text class="district-label" x={d.labelX} y={d.labelY}>
              {localized(d, 'name', locale)}
            </text>
          ))}
          {towns.map((tw) => (
            <a href={`/towns/${tw.pcode}/services`}>
              <circle class="town" cx={tw.x} cy={tw.y} r={radius(tw.count)}>
                <title>{`${tw.name}: ${t('services.map.count', { count: tw.count })}`}</title>
              </circle>
              <text class="town-label" x={tw.x} y={tw.y - radius(tw.count) - 6}>
                {tw.name}
              </text>
            </a>
          ))}
        </svg>
        <figcaption>
          <Credit />
        </figcaption>
      </figure>
      <h2>{t('services.map.list')}</h2>
      <ul>
        {sorted.map((tw) => (
          <li>
            <a href={`/towns/${tw.pcode}/services`}>{tw.name}</a> — {t('services.map.count', { count: tw.count })}
          </li>
        ))}
      </ul>
    </TitledLayout>
  );
}
