// The XML of an XLSX part through saxes: local names, no DOCTYPE (so no entity expansion), relationship parts.
import { isUtf8 } from 'node:buffer';
import { SaxesParser } from 'saxes';
import { SheetError } from './limits.js';
import type { Budget, Zip } from './zip.js';

export interface XmlHandlers {
  /** An element opens: its local name (no prefix) and its attributes by local name (xmlns declarations left out). */
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The text of a part: UTF-8 (with or without a BOM) or UTF-16LE with its BOM, as XML allows. */
function decode(bytes: Buffer, part: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (!isUtf8(bytes)) throw new SheetError('sheets.bad-xml', { part, detail: 'phrase.not-utf8' });
  return bytes.toString('utf8');
}

export function parseXml(bytes: Buffer, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  const fail = (detail: string): never => {
    throw new SheetError('sheets.bad-xml', { part, detail });
  };
  parser.on('error', (e) => fail(e.message));
  // A DTD is where entity bombs live; no spreadsheet program writes one.
  parser.on('doctype', () => fail('a DOCTYPE declaration'));
  parser.on('opentag', (tag) => {
    if (!handlers.open) return;
    const attrs = Object.create(null) as Record<string, string>;
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>))
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) attrs[local(name)] = value;
    handlers.open(local(tag.name), attrs);
  });
  if (handlers.close) parser.on('closetag', (tag) => handlers.close?.(local(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  let text = decode(bytes, part);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  parser.write(text).close();
}

/** OOXML's escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ an underscore. */
export const unescapeText = (text: string): string =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

export interface Relationship {
  /** The type's last segment: worksheet, sharedStrings, styles, officeDocument ... (transitional and strict alike). */
  type: string;
  /** The target part's path from the archive root, or the external URL. */
  target: string;
}

/** A target relative to the part's folder, or from the root when it starts with "/" (openpyxl writes those). */
export function resolveTarget(partPath: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  const base = decoded.startsWith('/') ? [] : partPath.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

/** The relationships of a part (xl/workbook.xml -> xl/_rels/workbook.xml.rels), by id; none when it has no rels part. */
export function readRels(zip: Zip, partPath: string, budget: Budget): Map<string, Relationship> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  const bytes = zip.read(relsPath, budget);
  if (!bytes) return rels;
  parseXml(bytes, relsPath, {
    open: (name, a) => {
      if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
      const type = (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1);
      rels.set(a.Id, { type, target: a.TargetMode === 'External' ? a.Target : resolveTarget(partPath, a.Target) });
    },
  });
  return rels;
}
