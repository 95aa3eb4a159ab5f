/**
 * The directory map's geometry, pure (no DOM): an equirectangular projection fitted to the
 * places, a degree grid, and the clusters of places too close to tap apart. Drawn as SVG by
 * directory-map.tsx; no tiles, so it works offline. North is up and west left in every language.
 */

export interface Located {
  latitude: number;
  longitude: number;
}

export interface Frame {
  width: number;
  height: number;
  /** Empty border around the places, in pixels. */
  margin: number;
}

export interface Projection {
  x: (longitude: number) => number;
  y: (latitude: number) => number;
  /** Grid lines: the longitudes and latitudes to draw, every `step` degrees, inside the frame. */
  longitudes: number[];
  latitudes: number[];
  step: number;
}

/** The smallest span shown, in degrees (about 1 km): a lone place is not zoomed to the street. */
const MIN_SPAN = 0.01;
const STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30];
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Fits the places into the frame: x = longitude × cos(mean latitude), y = latitude, one scale
 * for both (distances keep their proportions), the places' box centred with `margin` around it.
 */
export function projectionOf(places: readonly Located[], frame: Frame): Projection {
  const lats = places.map((p) => p.latitude);
  const lons = places.map((p) => p.longitude);
  const south = lats.length ? Math.min(...lats) : 0;
  const north = lats.length ? Math.max(...lats) : 0;
  const west = lons.length ? Math.min(...lons) : 0;
  const east = lons.length ? Math.max(...lons) : 0;
  const squeeze = Math.cos(rad((north + south) / 2));
  const spanX = Math.max((east - west) * squeeze, MIN_SPAN * squeeze);
  const spanY = Math.max(north - south, MIN_SPAN);
  const innerW = Math.max(1, frame.width - 2 * frame.margin);
  const innerH = Math.max(1, frame.height - 2 * frame.margin);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const midX = ((west + east) / 2) * squeeze;
  const midY = (south + north) / 2;
  const x = (longitude: number) => frame.width / 2 + (longitude * squeeze - midX) * scale;
  const y = (latitude: number) => frame.height / 2 - (latitude - midY) * scale;
  // The degrees the frame shows, edge to edge.
  const lonAt = (px: number) => (midX + (px - frame.width / 2) / scale) / squeeze;
  const latAt = (py: number) => midY - (py - frame.height / 2) / scale;
  const shownLon = lonAt(frame.width) - lonAt(0);
  const shownLat = latAt(0) - latAt(frame.height);
  // About four to eight lines across the wider side.
  const step = STEPS.find((s) => Math.max(shownLon, shownLat) / s <= 8) ?? STEPS[STEPS.length - 1]!;
  return { x, y, step, longitudes: ticks(lonAt(0), lonAt(frame.width), step), latitudes: ticks(latAt(frame.height), latAt(0), step) };
}

function ticks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = Math.ceil(from / step); i * step <= to; i++) out.push(round(i * step, step));
  return out;
}

const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
const round = (v: number, step: number) => Number(v.toFixed(decimalsOf(step)));

/** A grid line's label: `34.05°N`, `6.8°W` (degrees, with the step's decimals; the same in every language). */
export function degreeLabel(value: number, axis: 'latitude' | 'longitude', step: number): string {
  const hemisphere = axis === 'latitude' ? (value < 0 ? 'S' : 'N') : value < 0 ? 'W' : 'E';
  return `${Math.abs(value).toFixed(decimalsOf(step))}°${value === 0 ? '' : hemisphere}`;
}

/** Places drawn as one circle, at their mean position. */
export interface Cluster<T> {
  x: number;
  y: number;
  places: T[];
}

/**
 * Groups the projected places closer than `distance` pixels (to the first place of a group),
 * so that every circle can be tapped; a group lists its places in the order given.
 */
export function clusterPlaces<T extends Located>(places: readonly T[], projection: Pick<Projection, 'x' | 'y'>, distance: number): Cluster<T>[] {
  const groups: Array<{ x0: number; y0: number; sx: number; sy: number; places: T[] }> = [];
  for (const p of places) {
    const px = projection.x(p.longitude);
    const py = projection.y(p.latitude);
    const near = groups.find((g) => Math.hypot(g.x0 - px, g.y0 - py) < distance);
    if (near) {
      near.places.push(p);
      near.sx += px;
      near.sy += py;
    } else groups.push({ x0: px, y0: py, sx: px, sy: py, places: [p] });
  }
  return groups.map((g) => ({ x: g.sx / g.places.length, y: g.sy / g.places.length, places: g.places }));
}

/** Opens the phone's maps application at the place (RFC 5870 `geo:` URI, with its name as the label). */
export function geoHref(p: Located & { name: string }): string {
  return `geo:${p.latitude},${p.longitude}?q=${p.latitude},${p.longitude}(${encodeURIComponent(p.name).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** The place on openstreetmap.org, with a marker (needs the network; the map here does not). */
export function openStreetMapHref(p: Located): string {
  return `https://www.openstreetmap.org/?mlat=${p.latitude}&mlon=${p.longitude}#map=16/${p.latitude}/${p.longitude}`;
}
