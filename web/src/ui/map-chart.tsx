import { ChartFrame, chartColour, type ChartDatum } from './chart.tsx';

/** A value placed on the map: a chart datum with its place (WGS 84 degrees). */
export interface MapPoint extends ChartDatum {
  latitude: number;
  longitude: number;
}

const WIDTH = 640;
const MARGIN = 40;
const MIN_R = 4;
const MAX_R = 26;

/**
 * Places on a plain map (no tiles: it works offline): each place is a circle whose area
 * follows its value, named with its value. North is up and east is right in every language.
 * Places without coordinates are listed under the map (`unplaced`).
 */
export function MapChart({ title, description, points, unplaced, unplacedText, emptyText }: {
  title: string;
  description?: string;
  points: readonly MapPoint[];
  unplaced: readonly ChartDatum[];
  /** The sentence that lists the places without coordinates, e.g. "Not on the map: {places}". */
  unplacedText: (places: string) => string;
  emptyText: string;
}) {
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const north = Math.max(...lats);
  const south = Math.min(...lats);
  const east = Math.max(...lons);
  const west = Math.min(...lons);
  // Equirectangular, with the east-west scale of the middle latitude; a lone place gets a one-degree frame.
  const squeeze = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * squeeze, 1e-6);
  const spanY = Math.max(north - south, 1e-6);
  const single = points.length < 2 || (spanX < 1e-3 && spanY < 1e-3);
  const scale = single ? 1 : Math.min((WIDTH - 2 * MARGIN) / spanX, 360 / spanY);
  const height = single ? 160 : Math.max(160, Math.round(spanY * scale + 2 * MARGIN));
  const x = (lon: number) => (single ? WIDTH / 2 : MARGIN + (lon - west) * squeeze * scale);
  const y = (lat: number) => (single ? height / 2 : MARGIN + (north - lat) * scale);
  const max = Math.max(0, ...points.map((p) => p.value));
  const radius = (v: number) => (max > 0 ? MIN_R + (MAX_R - MIN_R) * Math.sqrt(Math.max(0, v) / max) : MIN_R);
  // Big circles first, so that small ones stay visible on top.
  const drawn = [...points].sort((a, b) => b.value - a.value);
  return (
    <ChartFrame
      title={title}
      description={
        <>
          {description}
          {unplaced.length ? <span className="chart-unplaced">{unplacedText(unplaced.map((p) => p.label).join(', '))}</span> : null}
        </>
      }
      empty={points.length === 0 ? <p className="muted">{emptyText}</p> : undefined}
      drawing={
        <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" focusable="false" style={{ direction: 'ltr' }}>
          <rect x={0} y={0} width={WIDTH} height={height} className="map-ground" />
          {drawn.map((p) => (
            <g key={p.key}>
              <circle cx={x(p.longitude)} cy={y(p.latitude)} r={radius(p.value)} fill={chartColour(0)} fillOpacity={0.55} stroke={chartColour(0)} />
              <text x={x(p.longitude) + radius(p.value) + 4} y={y(p.latitude) + 4} className="chart-label">
                {p.label} · {p.valueText}
              </text>
            </g>
          ))}
        </svg>
      }
      text={
        <dl className="visually-hidden">
          {[...points, ...unplaced].map((d) => (
            <div key={d.key}>
              <dt>{d.label}</dt>
              <dd>{d.valueText}</dd>
            </div>
          ))}
        </dl>
      }
    />
  );
}
