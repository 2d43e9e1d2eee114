// Draws the PNG app icons of the web app manifest from the geometry of public/favicon.svg (a blue
// rounded square with «PM» in white strokes), with no image library: a distance-field rasteriser,
// 4×4 supersampling, and a PNG writer on node:zlib. Run after changing the favicon:
//   node scripts/make-icons.mjs        → public/icons/icon-192.png, icon-512.png, icon-maskable-512.png
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
const VIEW = 32; // favicon.svg viewBox size
const CORNER = 6; // rect rx
const STROKE = 2.5;
const BLUE = [0x0a, 0x58, 0xa8];
const WHITE = [0xff, 0xff, 0xff];

/**
 * Segments of `M7 22V10h6a4 4 0 0 1 0 8H7m11 4V10l4 7 4-7v12`. `butt` marks an open path end
 * (SVG's default butt cap); other ends meet the next segment with a round join.
 */
const SEGMENTS = [
  { a: [7, 22], b: [7, 10], buttA: true },
  { a: [7, 10], b: [13, 10] },
  { a: [13, 18], b: [7, 18], buttB: true },
  { a: [18, 22], b: [18, 10], buttA: true },
  { a: [18, 10], b: [22, 17] },
  { a: [22, 17], b: [26, 10] },
  { a: [26, 10], b: [26, 22], buttB: true },
];
/** `a4 4 0 0 1 0 8` from (13,10): the right half of the circle centred at (13,14), radius 4. */
const ARC = { c: [13, 14], r: 4 };

function segmentDistance([px, py], { a, b, buttA = false, buttB = false }) {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
  if ((t < 0 && buttA) || (t > 1 && buttB)) return Infinity;
  const k = Math.min(1, Math.max(0, t));
  return Math.hypot(px - (ax + k * dx), py - (ay + k * dy));
}

function arcDistance([px, py]) {
  const [cx, cy] = ARC.c;
  if (px < cx) return Infinity;
  return Math.abs(Math.hypot(px - cx, py - cy) - ARC.r);
}

function inGlyph(point) {
  const d = Math.min(arcDistance(point), ...SEGMENTS.map((s) => segmentDistance(point, s)));
  return d <= STROKE / 2;
}

function inRoundedSquare([x, y], radius) {
  const cx = Math.min(Math.max(x, radius), VIEW - radius);
  const cy = Math.min(Math.max(y, radius), VIEW - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels of the icon at `size`×`size`; `maskable` fills the whole square (the OS crops it). */
function render(size, maskable) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const point = [((x + (sx + 0.5) / samples) / size) * VIEW, ((y + (sy + 0.5) / samples) / size) * VIEW];
          if (!maskable && !inRoundedSquare(point, CORNER)) continue;
          if (inGlyph(point)) fg += 1;
          else bg += 1;
        }
      }
      const covered = bg + fg;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) {
        pixels[i + c] = covered === 0 ? 0 : Math.round(((BLUE[c] ?? 0) * bg + (WHITE[c] ?? 0) * fg) / covered);
      }
      pixels[i + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha PNG (filter 0 on every row). */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, png(size, render(size, maskable)));
  console.log(`${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
}
