// An XLSX workbook's parts: its sheets in tab order (workbook.xml and its rels), defined names, the 1904 date
// system, which styles are dates (styles.xml) and the shared strings; read through the bounded ZIP reader.
import type { TableRow } from '../../core/import-columns.js';
import { MAX_SHARED_STRINGS, SheetError } from './limits.js';
import { isDateStyle } from './number-formats.js';
import { readSheetRows } from './sheet.js';
import { parseXml, readRels, unescapeText, type Relationship } from './xml.js';
import { newBudget, openZip, type Budget, type Zip } from './zip.js';

export interface SheetInfo {
  name: string;
  /** Hidden or very hidden: a tab the user does not see. */
  hidden: boolean;
  /** The worksheet part (xl/worksheets/sheet2.xml): not the tab order, which is the order of `sheets`. */
  path: string;
}

export interface Workbook {
  /** Worksheets in tab order (chart sheets left out). */
  sheets: SheetInfo[];
  /** Defined names and what they refer to (rad_agency -> Formulir!$B$2). */
  names: Map<string, string>;
  date1904: boolean;
  /** The sheet's rows that hold a value, numbered as the spreadsheet shows them. */
  readSheet(sheet: SheetInfo): TableRow[];
}

/** Open a workbook: its structure only; styles, shared strings and a sheet are read when a sheet is. */
export function openWorkbook(bytes: Buffer): Workbook {
  const zip = openZip(bytes);
  const budget = newBudget();
  const root = readRels(zip, '', budget);
  const main = [...root.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const rels = readRels(zip, main, budget);
  const xml = zip.read(main, budget);
  if (!xml) throw new SheetError('sheets.no-workbook');
  const sheets: SheetInfo[] = [];
  const names = new Map<string, string>();
  let date1904 = false;
  let name: string | undefined;
  let text = '';
  parseXml(xml, main, {
    open: (tag, a) => {
      if (tag === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (tag === 'sheet') {
        const rel = a.id === undefined ? undefined : rels.get(a.id);
        if (rel?.type === 'worksheet')
          sheets.push({
            name: a.name ?? '',
            hidden: a.state === 'hidden' || a.state === 'veryHidden',
            path: rel.target,
          });
      } else if (tag === 'definedName') [name, text] = [a.name, ''];
    },
    text: (s) => void (name !== undefined && (text += s)),
    close: (tag) => {
      if (tag === 'definedName' && name !== undefined) names.set(name, text);
      if (tag === 'definedName') name = undefined;
    },
  });
  let parts: { strings: string[]; dateStyles: boolean[] } | undefined;
  return {
    sheets,
    names,
    date1904,
    readSheet: (sheet) => {
      parts ??= { strings: sharedStrings(zip, rels, budget), dateStyles: dateStyles(zip, rels, budget) };
      const data = zip.read(sheet.path, budget);
      if (!data) throw new SheetError('sheets.no-sheet');
      return readSheetRows(data, sheet.path, { ...parts, date1904 });
    },
  };
}

const partOf = (rels: Map<string, Relationship>, type: string): string | undefined =>
  [...rels.values()].find((r) => r.type === type)?.target;

/** Per cell style (the s attribute, an index into cellXfs): whether it shows numbers as dates. */
function dateStyles(zip: Zip, rels: Map<string, Relationship>, budget: Budget): boolean[] {
  const path = partOf(rels, 'styles');
  const bytes = path === undefined ? undefined : zip.read(path, budget);
  if (!path || !bytes) return [];
  const codes = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(bytes, path, {
    open: (tag, a) => {
      if (tag === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) styles.push(isDateStyle(Number(a.numFmtId ?? 0), codes));
    },
    close: (tag) => void (tag === 'cellXfs' && (inCellXfs = false)),
  });
  return styles;
}

/** The shared-string table: each <si>'s text, rich-text runs joined, phonetic readings (<rPh>) left out. */
function sharedStrings(zip: Zip, rels: Map<string, Relationship>, budget: Budget): string[] {
  const path = partOf(rels, 'sharedStrings');
  const bytes = path === undefined ? undefined : zip.read(path, budget);
  if (!path || !bytes) return [];
  const strings: string[] = [];
  let parts: string[] | undefined;
  let phonetic = 0;
  let inText = false;
  parseXml(bytes, path, {
    open: (tag) => {
      if (tag === 'si') parts = [];
      else if (tag === 'rPh') phonetic++;
      else if (tag === 't') inText = phonetic === 0;
    },
    text: (s) => void (inText && parts?.push(s)),
    close: (tag) => {
      if (tag === 't') inText = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'si' && parts) {
        if (strings.push(unescapeText(parts.join(''))) > MAX_SHARED_STRINGS)
          throw new SheetError('sheets.too-many-strings', { limit: MAX_SHARED_STRINGS });
        parts = undefined;
      }
    },
  });
  return strings;
}
