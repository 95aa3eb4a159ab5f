import { describe, expect, it } from 'vitest';
import { clusterPlaces, degreeLabel, geoHref, openStreetMapHref, projectionOf } from './map-projection.ts';

const frame = { width: 400, height: 300, margin: 20 };
// Salé, Rabat, Kénitra (approximate city centres; generated places, not addresses).
const sale = { name: 'Salé', latitude: 34.04, longitude: -6.8 };
const rabat = { name: 'Rabat', latitude: 34.02, longitude: -6.84 };
const kenitra = { name: 'Kénitra', latitude: 34.26, longitude: -6.58 };

describe('the directory map projection', () => {
  it('fits the places into the frame, north up, west left, one scale for both axes', () => {
    const p = projectionOf([sale, rabat, kenitra], frame);
    // Kénitra is north-east of Rabat: right of it and above it.
    expect(p.x(kenitra.longitude)).toBeGreaterThan(p.x(rabat.longitude));
    expect(p.y(kenitra.latitude)).toBeLessThan(p.y(rabat.latitude));
    // The taller side (0.24° of latitude against 0.26° × cos 34° of longitude) fills the frame between the margins.
    expect(p.y(kenitra.latitude)).toBeCloseTo(20, 6);
    expect(p.y(rabat.latitude)).toBeCloseTo(280, 6);
    // Equirectangular: a degree of longitude is cos(mean latitude) of a degree of latitude.
    const perLat = (p.y(34) - p.y(35)) / 1;
    const perLon = p.x(-6) - p.x(-7);
    expect(perLon / perLat).toBeCloseTo(Math.cos((34.14 * Math.PI) / 180), 6);
    // Centred horizontally.
    expect((p.x(rabat.longitude) + p.x(kenitra.longitude)) / 2).toBeCloseTo(200, 6);
  });

  it('draws a lone place in the middle, and a grid with labelled degrees inside the frame', () => {
    const lone = projectionOf([sale], frame);
    expect([lone.x(sale.longitude), lone.y(sale.latitude)]).toEqual([200, 150]);
    const p = projectionOf([sale, rabat, kenitra], frame);
    expect(p.step).toBe(0.1);
    expect(p.latitudes).toEqual([34.1, 34.2]);
    expect(p.longitudes).toEqual([-6.9, -6.8, -6.7, -6.6, -6.5]);
    for (const lon of p.longitudes) expect(p.x(lon)).toBeGreaterThanOrEqual(0);
    for (const lon of p.longitudes) expect(p.x(lon)).toBeLessThanOrEqual(400);
    expect(degreeLabel(34.05, 'latitude', 0.05)).toBe('34.05°N');
    expect(degreeLabel(-6.8, 'longitude', 0.1)).toBe('6.8°W');
    expect(degreeLabel(0, 'longitude', 1)).toBe('0°');
    expect(degreeLabel(-33.9, 'latitude', 0.1)).toBe('33.9°S');
  });

  it('gathers places closer than the distance into one circle, keeps the others apart', () => {
    const next = { name: 'À côté', latitude: 34.0401, longitude: -6.8001 };
    const p = projectionOf([sale, rabat, kenitra, next], frame);
    const clusters = clusterPlaces([sale, rabat, kenitra, next], p, 16);
    expect(clusters.map((c) => c.places.map((x) => x.name))).toEqual([['Salé', 'À côté'], ['Rabat'], ['Kénitra']]);
    expect(clusters[0]!.x).toBeCloseTo((p.x(sale.longitude) + p.x(next.longitude)) / 2, 6);
    // With a tiny distance, every place is its own circle.
    expect(clusterPlaces([sale, next], p, 0.001)).toHaveLength(2);
  });

  it('links a place to the phone’s maps application and to OpenStreetMap', () => {
    const place = { name: 'Urgences (Salé)', latitude: 34.04, longitude: -6.8 };
    expect(geoHref(place)).toBe('geo:34.04,-6.8?q=34.04,-6.8(Urgences%20%28Sal%C3%A9%29)');
    expect(openStreetMapHref(place)).toBe('https://www.openstreetmap.org/?mlat=34.04&mlon=-6.8#map=16/34.04/-6.8');
  });
});
