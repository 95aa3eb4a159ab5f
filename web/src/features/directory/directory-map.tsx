import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { directoryMap, type MapPointData, type ServiceFilters } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { Alert } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { termLabel } from './directory-labels.ts';
import { clusterPlaces, degreeLabel, geoHref, openStreetMapHref, projectionOf, type Cluster } from './map-projection.ts';
import type { DirectoryVocab } from './use-directory-vocab.ts';

const MARGIN = 30;
const R = 9;
const CLUSTER_R = 13;
/** Places closer than this (pixels) share a circle: every circle stays big enough to tap. */
const NEAR = 26;
/** Above this many circles, names are left to the panel (they would cover each other). */
const NAMED_MAX = 12;

/** The width the map has on the screen (its drawing is in real pixels: circles keep their size on a phone). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => setWidth(Math.max(240, Math.round(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

const isStalePlace = (p: MapPointData) => p.services.some((s) => s.stale);

/** The search's places on a plain SVG map (no tiles: it works offline); tapping a circle lists its services under it. */
export function DirectoryMapSection({ filters, vocab }: { filters: Omit<ServiceFilters, 'limit' | 'offset'>; vocab: DirectoryVocab }) {
  const i18n = useI18n();
  const { t } = i18n;
  const map = useApi(() => directoryMap(filters), [JSON.stringify(filters)]);
  const [ref, width] = useWidth();
  const [chosen, setChosen] = useState<string[]>([]);
  const data = map.data;
  const height = Math.min(480, Math.max(260, Math.round(width * 0.7)));
  const projection = projectionOf(data?.points ?? [], { width, height, margin: MARGIN });
  const clusters = clusterPlaces(data?.points ?? [], projection, NEAR);
  const keyOf = (c: Cluster<MapPointData>) => c.places.map((p) => p.locationId).join(' ');
  const chosenPlaces = (data?.points ?? []).filter((p) => chosen.includes(p.locationId));
  const choose = (c: Cluster<MapPointData>) => setChosen(c.places.map((p) => p.locationId));
  const onKey = (c: Cluster<MapPointData>) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    choose(c);
  };
  // A name that would run off the right edge is written on the left of its circle (about 7 px a letter).
  const leftOf = (c: Cluster<MapPointData>) => c.x + R + 4 + (c.places[0]?.name.length ?? 0) * 7 > width && c.x > width / 2;
  const labelOf = (c: Cluster<MapPointData>) => {
    if (c.places.length > 1) return t('directory.map.cluster', { n: c.places.length, names: c.places.map((p) => p.name).join(', ') });
    const p = c.places[0]!;
    return t(isStalePlace(p) ? 'directory.map.placeStale' : 'directory.map.place', { name: p.name, n: p.services.length });
  };

  return (
    <section aria-labelledby="dir-map-title" className="dir-map" aria-busy={map.loading || undefined}>
      <h2 id="dir-map-title" className="section-title">
        {t('directory.map.title')}
      </h2>
      <ReadStatus of={map} />
      {data?.capped ? <Alert tone="warning">{t('directory.map.capped', { n: data.points.length })}</Alert> : null}
      <div ref={ref} className="dir-map-frame">
        {data && !data.points.length ? <p className="muted">{t('directory.map.none')}</p> : null}
        {data?.points.length ? (
          <svg className="dir-map-svg" role="group" aria-labelledby="dir-map-title" viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
            <rect x={0} y={0} width={width} height={height} className="dir-map-ground" />
            {projection.longitudes.map((lon) => (
              <g key={`x${lon}`} aria-hidden="true">
                <line x1={projection.x(lon)} x2={projection.x(lon)} y1={0} y2={height} className="dir-map-grid" />
                <text x={projection.x(lon) + 3} y={height - 5} className="dir-map-degree">
                  {degreeLabel(lon, 'longitude', projection.step)}
                </text>
              </g>
            ))}
            {projection.latitudes.map((lat) => (
              <g key={`y${lat}`} aria-hidden="true">
                <line x1={0} x2={width} y1={projection.y(lat)} y2={projection.y(lat)} className="dir-map-grid" />
                <text x={4} y={projection.y(lat) - 4} className="dir-map-degree">
                  {degreeLabel(lat, 'latitude', projection.step)}
                </text>
              </g>
            ))}
            {clusters.map((c) => {
              const many = c.places.length > 1;
              const stale = c.places.some(isStalePlace);
              const pressed = keyOf(c) === chosen.join(' ');
              return (
                <g key={keyOf(c)} role="button" tabIndex={0} aria-label={labelOf(c)} aria-pressed={pressed} className="dir-map-target" onClick={() => choose(c)} onKeyDown={onKey(c)}>
                  <circle cx={c.x} cy={c.y} r={(many ? CLUSTER_R : R) + 6} className="dir-map-focus" />
                  <circle cx={c.x} cy={c.y} r={many ? CLUSTER_R : R} className={`dir-map-point${stale ? ' dir-map-point-stale' : ''}${pressed ? ' dir-map-point-chosen' : ''}`} />
                  {many ? (
                    <text x={c.x} y={c.y + 4} textAnchor="middle" className="dir-map-count" aria-hidden="true">
                      {c.places.length}
                    </text>
                  ) : null}
                  {!many && clusters.length <= NAMED_MAX ? (
                    <text x={leftOf(c) ? c.x - R - 4 : c.x + R + 4} y={c.y + 4} textAnchor={leftOf(c) ? 'end' : 'start'} className="dir-map-name" aria-hidden="true">
                      {c.places[0]!.name}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        ) : null}
      </div>
      {data?.points.length ? <MapLegend /> : null}
      {data?.withoutCoordinates ? <p className="muted">{t('directory.map.withoutCoordinates', { n: data.withoutCoordinates })}</p> : null}
      <section aria-labelledby="dir-map-chosen" className="dir-map-panel" aria-live="polite">
        <h3 id="dir-map-chosen" className={chosenPlaces.length ? 'subheading' : 'visually-hidden'}>
          {t('directory.map.chosen')}
        </h3>
        {chosenPlaces.length ? (
          <ul className="item-list dir-entries">
            {chosenPlaces.map((p) => (
              <li key={p.locationId} className="dir-entry">
                <h4 className="dir-map-place">
                  <bdi>{p.name}</bdi>
                  {p.city ? <span className="muted"> · <bdi>{p.city}</bdi></span> : null}
                </h4>
                <ul className="dir-map-services">
                  {p.services.map((s) => (
                    <li key={s.id}>
                      <Link to={`/directory/services/${s.id}`}>{s.name}</Link> <span className="muted">· {termLabel(vocab.terms, s.serviceType, i18n.locale)}</span>{' '}
                      {s.openNow ? <span className="tag tag-ok">{t('directory.open')}</span> : null} {s.stale ? <span className="tag tag-warning">{t('directory.stale')}</span> : null}
                    </li>
                  ))}
                </ul>
                <PlaceLinks place={p} />
              </li>
            ))}
          </ul>
        ) : data?.points.length ? (
          <p className="muted">{t('directory.map.hint')}</p>
        ) : null}
      </section>
    </section>
  );
}

function MapLegend() {
  const { t } = useI18n();
  const swatch = (className: string, r: number, count?: string) => (
    <svg width={30} height={30} viewBox="0 0 30 30" aria-hidden="true" className="dir-map-swatch">
      <circle cx={15} cy={15} r={r} className={className} />
      {count ? (
        <text x={15} y={19} textAnchor="middle" className="dir-map-count">
          {count}
        </text>
      ) : null}
    </svg>
  );
  return (
    <ul className="dir-map-legend" aria-label={t('directory.map.legend')}>
      <li>
        {swatch('dir-map-point', R)} {t('directory.map.legendFresh')}
      </li>
      <li>
        {swatch('dir-map-point dir-map-point-stale', R)} {t('directory.map.legendStale')}
      </li>
      <li>
        {swatch('dir-map-point', CLUSTER_R, '3')} {t('directory.map.legendCluster')}
      </li>
    </ul>
  );
}

/** A place in the phone's maps application, or on OpenStreetMap (both need the phone's own map or the network). */
export function PlaceLinks({ place }: { place: { name: string; latitude: number | null; longitude: number | null } }) {
  const { t } = useI18n();
  const { latitude, longitude } = place;
  if (latitude === null || longitude === null) return null;
  return (
    <p className="dir-map-links">
      <a href={geoHref({ name: place.name, latitude, longitude })}>{t('directory.map.openInApp')}</a>
      <a href={openStreetMapHref({ latitude, longitude })} target="_blank" rel="noreferrer">
        {t('directory.map.openStreetMap')}
      </a>
    </p>
  );
}
