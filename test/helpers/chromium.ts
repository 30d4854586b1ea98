// Headless Chromium (Debian's chromium) for the HTML report: the DOM it built, a screenshot, a PDF; and reading those.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpDir } from './tmp.js';

/** The Chromium to run: /usr/bin/chromium (Debian), else `chromium` on PATH; its version, or undefined when none runs. */
function findChromium(): { bin: string; version: string } | undefined {
  for (const bin of ['/usr/bin/chromium', 'chromium']) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    const version = r.status === 0 ? /Chromium ([\d.]+)/.exec(r.stdout)?.[1] : undefined;
    if (version) return { bin, version };
  }
  return undefined;
}

export const chromium = findChromium();

/**
 * Flags for a closed network and a throwaway profile: without the background-networking ones Chromium waits on
 * services it cannot reach here.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Run Chromium on a file with a fresh profile; stdout and stderr (console messages with --enable-logging=stderr). */
export function runChromium(file: string, args: string[]): { stdout: string; stderr: string } {
  if (!chromium) throw new Error('chromium is not installed');
  const profile = tmpDir('rad-chromium-');
  try {
    const r = spawnSync(chromium.bin, [...FLAGS, `--user-data-dir=${profile}`, ...args, `file://${file}`], {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 * 2 ** 20,
    });
    if (r.status !== 0) throw new Error(`chromium exited ${String(r.status)}: ${r.stderr}`);
    return { stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The pages of a PDF as Chromium writes them (page objects uncompressed): each page's MediaBox in points. */
export function pdfPages(file: string): { width: number; height: number }[] {
  const text = readFileSync(file, 'latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])[\s\S]*?(?=endobj)/g)];
  return pages.map((m) => {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(m[0]);
    return box
      ? { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) }
      : { width: 0, height: 0 };
  });
}

/** A PNG's size and how many pixels have each colour (#rrggbb); 8-bit RGB or RGBA, not interlaced (what Chromium writes). */
export function pngColours(file: string): { width: number; height: number; count: (hex: string) => number } {
  const png = readFileSync(file);
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${file}: not a PNG`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error(`${file}: not 8-bit, or interlaced`);
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (!channels) throw new Error(`${file}: colour type ${body[9]} is not RGB or RGBA`);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  // Undo each row's filter (PNG spec 9.2): none, sub, up, average, Paeth.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      pixels[y * stride + i] = (row[i]! + predictor) & 0xff;
    }
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += channels) {
    const hex = `#${pixels.subarray(i, i + 3).toString('hex')}`;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return { width, height, count: (hex) => counts.get(hex.toLowerCase()) ?? 0 };
}
