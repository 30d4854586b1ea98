// Plan files as text: strict UTF-8 that says where the first bad byte is (fast on a big hostile file), and no raw
// control characters.
import { Buffer, isUtf8 } from 'node:buffer';
import { error, type Finding } from '../../core/findings.js';

export type Decoded = { text: string } | { line: number; col: number; byte: number };

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [n, min, max] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80, 0xbf]
        : b === 0xe0
          ? [2, 0xa0, 0xbf]
          : b === 0xed
            ? [2, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [2, 0x80, 0xbf]
              : b === 0xf0
                ? [3, 0x90, 0xbf]
                : b >= 0xf1 && b <= 0xf3
                  ? [3, 0x80, 0xbf]
                  : b === 0xf4
                    ? [3, 0x80, 0x8f]
                    : [0, 0, 0];
    if (n === 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      // The first continuation byte has a narrower range for the lead bytes that could start an overlong or surrogate.
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

/** The text (a leading BOM dropped), or the line, column and offset of the first byte that is not UTF-8. */
export function decodeStrict(bytes: Uint8Array): Decoded {
  // isUtf8 validates natively and fast; the byte-by-byte walk runs only to say where a bad file goes wrong.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  const byte = firstInvalidUtf8(bytes);
  const lineStart = bytes.lastIndexOf(10, byte - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 10) line++;
  const col = Buffer.from(bytes.buffer, bytes.byteOffset + lineStart, byte - lineStart).toString('utf8').length + 1;
  return { line, col, byte };
}

/**
 * Characters YAML does not allow raw (C0 controls but tab, LF and CR; DEL; C1 but NEL), and the bidirectional
 * overrides that make a text read differently from what it is (Trojan Source): an escape sequence hidden in a
 * pull request must not reach a reviewer's terminal through cat or git diff.
 */
const RAW_CONTROL_CLASS =
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';
export const RAW_CONTROL = new RegExp(RAW_CONTROL_CLASS);
const RAW_CONTROLS = new RegExp(RAW_CONTROL_CLASS, 'g');

/** Every raw control character as a \uXXXX escape: what a writer does inside double-quoted scalars (and comments). */
export function escapeRawControls(text: string): string {
  return text.replace(RAW_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first raw control character of a text, as a finding at its line and column. */
export function controlFindings(file: string, text: string): Finding[] {
  const m = RAW_CONTROL.exec(text);
  if (!m) return [];
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const col = m.index - before.lastIndexOf('\n');
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return [error('control-character', { file, pointer: '', line, col }, { code })];
}
