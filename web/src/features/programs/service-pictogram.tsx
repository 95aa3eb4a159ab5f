import './defined-services.css';
import type { ServicePictogram as PictogramName } from '@relais/core';
import { LineDrawing } from '../../ui/index.ts';

/**
 * A drawing: one of the defined services' (core `servicePictograms`), one of the built-in services'
 * own, or one of the low-literacy mode's (ADR 0042: persons, the other services, the outbox).
 */
export type Pictogram =
  | PictogramName
  | 'condom' | 'referral' | 'syringe'
  | 'female' | 'male' | 'neuter' | 'trans' | 'males' | 'person' | 'child' | 'globe' | 'ribbon'
  | 'tube' | 'cross' | 'scale' | 'mic' | 'clock' | 'alert';

/** The shipped pictograms (core `servicePictograms`, then the built-in services' own), 24×24 line drawings like the interface's icons. */
const paths: Record<Pictogram, string> = {
  shower: 'M4 20V6a2.5 2.5 0 0 1 2.5-2.5h3A4.5 4.5 0 0 1 14 8v1M10 9h8M11 13v1.5M14 13v1.5M17 13v1.5M11 17v1.5M14 17v1.5M17 17v1.5',
  drop: 'M12 3.5c3 4 6 7.5 6 11a6 6 0 0 1-12 0c0-3.5 3-7 6-11z',
  box: 'M3.5 7.5 12 3.5l8.5 4v9L12 20.5l-8.5-4zM3.5 7.5 12 11.5l8.5-4M12 11.5v9',
  pill: 'M10.5 3.5a4.95 4.95 0 0 1 7 7l-7 7a4.95 4.95 0 0 1-7-7zM7 7l7 7',
  food: 'M3.5 11h17a8.5 8.5 0 0 1-17 0zM8 7.5c0-1.5 1-1.5 1-3M12 7.5c0-1.5 1-1.5 1-3M16 7.5c0-1.5 1-1.5 1-3',
  shirt: 'M8.5 3.5 3.5 6.5l2 4 2-1v11h9v-11l2 1 2-4-5-3a3.5 3.5 0 0 1-7 0z',
  chat: 'M4 5h16v11H9l-5 4z',
  heart: 'M12 20s-8-4.8-8-10.2A4.3 4.3 0 0 1 12 7.5a4.3 4.3 0 0 1 8 2.3C20 15.2 12 20 12 20z',
  bed: 'M3 18.5V6M3 13h18v5.5M21 13v-1.5a3 3 0 0 0-3-3h-7V13M6.5 8.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  star: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.9z',
  condom: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM12 7.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM12 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
  referral: 'M4 12h13M12 6l6 6-6 6M4 5v14',
  syringe: 'M18 3.5l2.5 2.5M19.2 4.8l-3 3M17.5 8.5l-9.5 9.5-3-3 9.5-9.5zM14 6l4 4M5 19l-1.5 1.5M9.5 12.5l1.5 1.5M12 10l1.5 1.5',
  female: 'M12 3.5a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM12 13.5v7M8.5 17.5h7',
  male: 'M10 9.5a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM13.5 11 19.5 5M15 4.5h5v5',
  neuter: 'M12 3.5a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM12 13.5v7',
  trans: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 16v5M10 19h4M14.8 9.2 19 5M16 5h3v3M9.2 9.2 5 5M5 8V5h3',
  males: 'M7.5 10a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM10.3 11.2 15 6.5M12 6.5h3v3M15 10a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM17.8 11.2 21 8M18 7.5h3v3',
  person: 'M12 3.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM5 20.5c.6-4 3.3-6.5 7-6.5s6.4 2.5 7 6.5',
  child: 'M8 3a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM3.5 20.5c.3-5 2-8.5 4.5-8.5s4.2 3.5 4.5 8.5M17 11a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM14 20.5c.2-2.5 1.3-4 3-4s2.8 1.5 3 4',
  globe: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM3.5 12h17M12 3.5c-2.5 2.5-3.5 5.3-3.5 8.5s1 6 3.5 8.5M12 3.5c2.5 2.5 3.5 5.3 3.5 8.5s-1 6-3.5 8.5',
  ribbon: 'M7 20.5 14.2 11c.8-1.2 1.3-2.5 1.3-4a3.5 3.5 0 0 0-7 0c0 1.5.5 2.8 1.3 4l7.2 9.5',
  tube: 'M8.5 3.5h7M10 3.5v14a2 2 0 0 0 4 0v-14M10 11h4',
  cross: 'M9.5 4h5v5.5H20v5h-5.5V20h-5v-5.5H4v-5h5.5z',
  scale: 'M12 4v16M8 20h8M5 7h14M5 7l-2.5 6a2.5 2.5 0 0 0 5 0zM19 7l-2.5 6a2.5 2.5 0 0 0 5 0z',
  mic: 'M12 3.5a3 3 0 0 0-3 3v5a3 3 0 0 0 6 0v-5a3 3 0 0 0-3-3zM6 11.5a6 6 0 0 0 12 0M12 17.5v3',
  clock: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17zM12 7.5V12l3 2',
  alert: 'M12 4 2.5 20h19zM12 10v4.5M12 17.5v.5',
};

/** A defined service's pictogram; decorative (its name is written beside it). */
export function ServicePictogram({ name, size = 28 }: { name: Pictogram; size?: number }) {
  return <LineDrawing className="service-pictogram" d={paths[name]} size={size} />;
}
