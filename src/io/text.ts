// Plan files as text: strict UTF-8 that says where the first bad byte is (fast on a big hostile file), and no raw
// control characters.
import { error, type Finding } from '../core/findings.js';

export type Decoded = { text: string } | { line: number; col: number; byte: number };

const strict = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Whether the first n bytes are UTF-8 so far (a sequence cut off at the end still counts as good). */
function goodPrefix(bytes: Uint8Array, n: number): boolean {
  try {
    strict().decode(bytes.subarray(0, n), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The text (a leading BOM dropped), or the line, column and offset of the first byte that is not UTF-8. */
export function decodeStrict(bytes: Uint8Array): Decoded {
  try {
    return { text: strict().decode(bytes) };
  } catch {
    // Good prefixes only grow: binary search for the shortest bad one (n log n; byte by byte is quadratic).
    let good = 0;
    let bad = bytes.length + 1;
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      if (goodPrefix(bytes, mid)) good = mid;
      else bad = mid;
    }
    // Every prefix is good: the file ends inside a sequence; point at its last byte.
    const byte = Math.min(bad, bytes.length) - 1;
    const lineStart = bytes.lastIndexOf(10, byte - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 10) line++;
    const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, byte)).length + 1;
    return { line, col, byte };
  }
}

/**
 * Characters YAML does not allow raw (C0 controls but tab, LF and CR; DEL; C1 but NEL), and the bidirectional
 * overrides that make a text read differently from what it is (Trojan Source): an escape sequence hidden in a
 * pull request must not reach a reviewer's terminal through cat or git diff.
 */
const RAW_CONTROL_CLASS = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';
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
