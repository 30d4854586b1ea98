// ZIP archives and XLSX workbooks made byte by byte for tests: honest ones, and ones that lie (sizes, flags, CRCs).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** 0 stored, 8 deflated (default), anything else to see it refused. */
  method?: number;
  /** The uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
  /** General purpose flags (bit 0: encrypted). */
  flags?: number;
  crc?: number;
}

export function zip(parts: ZipPart[], options: { zip64Locator?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const method = p.method ?? 8;
    const packed = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(p.name, 'utf8');
    const fields = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(p.flags ?? 0x0800, at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt32LE(p.crc ?? crc32(data), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(p.declaredSize ?? data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    fields(entry, 6);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const locator = Buffer.alloc(options.zip64Locator ? 20 : 0);
  if (options.zip64Locator) locator.writeUInt32LE(0x07064b50, 0);
  return Buffer.concat([...chunks, directory, locator, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a one-sheet workbook around the given <sheetData> content (and optional shared strings, styles). */
export function workbookParts(
  sheetData: string,
  extra: { strings?: string[]; styles?: string; workbookPr?: string; doctype?: string } = {},
): ZipPart[] {
  const rel = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const sst = (extra.strings ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('');
  return [
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${PKG}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${NS}" xmlns:r="${REL}">${extra.workbookPr ?? ''}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${PKG}">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', 'sharedStrings.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>`,
    },
    { name: 'xl/sharedStrings.xml', data: `<sst xmlns="${NS}">${sst}</sst>` },
    {
      name: 'xl/styles.xml',
      data:
        extra.styles ??
        `<styleSheet xmlns="${NS}"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${extra.doctype ?? ''}<worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`,
    },
  ];
}

/** A one-sheet XLSX file. */
export const xlsxFile = (sheetData: string, extra: Parameters<typeof workbookParts>[1] = {}): Buffer =>
  zip(workbookParts(sheetData, extra));
