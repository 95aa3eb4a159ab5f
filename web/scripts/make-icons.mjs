// Generates the PWA icons (web/public/icons/icon-192.png, icon-512.png) with node:zlib only.
// Run: node web/scripts/make-icons.mjs. The output is committed; rerun after changing the drawing.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../public/icons/', import.meta.url));

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, size*size*4) as a PNG. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TEAL = [15, 94, 99];
const WHITE = [255, 255, 255];
const AMBER = [242, 178, 51];

/**
 * The Relais mark: two linked rings (a relay between people) on teal, full bleed
 * so it also works as a maskable icon (the mark stays inside the 80 % safe zone).
 * Drawn with 4×4 supersampling for smooth edges.
 */
function draw(size) {
  const px = new Uint8Array(size * size * 4);
  const ss = 4;
  const ring = (x, y, cx, cy, r, w) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          let c = TEAL;
          if (ring(u, v, 0.61, 0.5, 0.17, 0.07)) c = AMBER;
          // The white ring is drawn over the amber one except where amber passes "over" it (a link).
          const overWhite = ring(u, v, 0.39, 0.5, 0.17, 0.07);
          if (overWhite && !(c === AMBER && v > 0.5)) c = WHITE;
          acc = acc.map((a, i) => a + c[i]);
        }
      }
      const o = (y * size + x) * 4;
      px[o] = Math.round(acc[0] / (ss * ss));
      px[o + 1] = Math.round(acc[1] / (ss * ss));
      px[o + 2] = Math.round(acc[2] / (ss * ss));
      px[o + 3] = 255;
    }
  }
  return px;
}

mkdirSync(outDir, { recursive: true });
for (const size of [192, 512]) {
  const file = `${outDir}icon-${size}.png`;
  writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${file}`);
}
