// What rad reads of a spreadsheet at most, and the error a reader throws when a file is over a limit or broken.
import { columnLetter } from '../../core/import-columns.js';
import type { MessageKey } from '../../i18n/index.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';

/** Bigger than any quarter's report (and than the progress files it would fill); refused rather than read. */
export const MAX_IMPORT_BYTES = MAX_FILE_BYTES;

/**
 * What the parts of an XLSX file that rad reads may unpack to, in total, whatever the archive declares: its
 * sheets as XML are several times the size of the data. Also the cheap first gate on the declared sizes.
 */
export const MAX_XLSX_UNPACKED = 4 * MAX_IMPORT_BYTES;

/** Entries of a ZIP archive: an XLSX file has a dozen or two. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Rows holding a value (the header included): a year of every agency's reports is a few thousand. */
export const MAX_ROWS = 200_000;

/** Columns: the import knows nine; a value further right than this is refused, not read. */
export const MAX_COLUMNS = 64;

/** Shared strings of one workbook (each distinct text once). */
export const MAX_SHARED_STRINGS = 1_000_000;

/**
 * A reason a spreadsheet cannot be read: a message key whose text starts with "{file}: ", and its parameters
 * (the reader does not know the name the user gave the file; read-table.ts adds it).
 */
export class SheetError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** A value in a column past MAX_COLUMNS (cell: its address, BM5). */
export const tooManyColumns = (cell: string): SheetError =>
  new SheetError('sheets.too-many-columns', { cell, limit: MAX_COLUMNS, last: columnLetter(MAX_COLUMNS - 1) });

/** Megabytes, rounded up, for messages. */
export const mb = (n: number): number => Math.ceil(n / 1048576);
