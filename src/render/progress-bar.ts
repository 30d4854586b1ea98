// A one-line progress bar for long imports; only drawn on a terminal, redrawn when the percentage changes.
import type { OutStream } from './color.js';

export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;

export function progressBar(stream: OutStream, total: number, label: string): ProgressBar {
  let shown = -1;
  return {
    update(done) {
      const percent = Math.floor((done * 100) / total);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((WIDTH * done) / total);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}% ${done}/${total}`);
    },
    finish() {
      // Clear the line: what follows prints from its start.
      stream.write('\r\x1b[K');
    },
  };
}
