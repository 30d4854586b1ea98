// A quarterly form as XLSX (exceljs): the form sheet (protected, input cells unlocked and validated), its instructions,
// a hidden region list for the location dropdown, and a hidden metadata sheet with defined names that import reads.
import type { DataValidation, Worksheet } from 'exceljs';
import {
  FORM_COLUMNS,
  FORM_HEADER_ROW,
  FORM_INPUTS,
  FORM_KIND,
  FORM_VERSION,
  regionChoice,
  type Form,
  type FormColumn,
} from '../../core/form.js';
import type { Plan } from '../../core/types.js';
import type { MessageKey, Translate } from '../../i18n/index.js';

/** The hidden metadata sheet and the defined names pointing into it (rad_kind -> rad!$B$1 ...). */
export const META_SHEET = 'rad';
export const META_KEYS = ['kind', 'version', 'plan', 'agency', 'quarter'] as const;
export const metaName = (key: string): string => `rad_${key}`;
/** The defined name of the indicator rows (the form sheet, first to last data row, every column). */
export const ROWS_NAME = 'rad_rows';

const WIDTHS: Record<FormColumn, number> = {
  indicator: 11,
  text: 60,
  unit: 12,
  role: 12,
  target: 10,
  q1: 10,
  q2: 10,
  q3: 10,
  q4: 10,
  amount: 12,
  date: 12,
  location: 26,
  evidence: 30,
  note: 30,
  breakdown: 26,
};

/** The longest text a field of an entry may hold (what import accepts). */
const MAX_TEXT = 2000;

const YELLOW = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
const BORDER = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDERS = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };

const letter = (i: number): string => String.fromCharCode(65 + i);
const col = (c: FormColumn): number => FORM_COLUMNS.indexOf(c) + 1;
const LAST = letter(FORM_COLUMNS.length - 1);
/** A date cell holds the UTC midnight of its day: what spreadsheets store as a whole serial. */
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

function header(t: Translate, form: Form, c: FormColumn): string {
  if (c === 'target') return t('forms.h.target', { year: form.year });
  if (c === 'q1' || c === 'q2' || c === 'q3' || c === 'q4') return t('forms.h.recorded', { q: c.toUpperCase() });
  return t(`forms.h.${c}`);
}

export async function formXlsx(plan: Plan, form: Form, t: Translate): Promise<Uint8Array> {
  // Loaded on demand: only rad forms and templates write spreadsheets.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same plan gives the same form.
  workbook.created = workbook.modified = utc('2020-01-01');
  workbook.creator = 'rad';
  const sheetName = t('forms.sheet');
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: FORM_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const help = workbook.addWorksheet(t('forms.help-sheet'));
  const regions = workbook.addWorksheet(t('forms.regions-sheet'), { state: 'hidden' });
  const meta = workbook.addWorksheet(META_SHEET, { state: 'hidden' });

  sheet.columns = FORM_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  writeTop(sheet, plan, form, t);
  const head = sheet.getRow(FORM_HEADER_ROW);
  FORM_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = header(t, form, c);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = (FORM_INPUTS as readonly string[]).includes(c) ? YELLOW : GREY;
    cell.border = BORDERS;
  });

  const choices = [...plan.regions.values()].map(regionChoice);
  choices.forEach((choice, i) => (regions.getCell(i + 1, 1).value = choice));
  const list = `${quoted(regions.name)}!$A$1:$A$${Math.max(choices.length, 1)}`;
  form.rows.forEach((r, i) => {
    const row = sheet.getRow(FORM_HEADER_ROW + 1 + i);
    const unit = r.indicator.unit;
    const values: Record<FormColumn, string | number | Date | null> = {
      indicator: r.indicator.id,
      text: r.indicator.text,
      unit,
      role: t(`forms.role.${r.role}`),
      target: r.target,
      q1: r.recorded[0] ?? null,
      q2: r.recorded[1] ?? null,
      q3: r.recorded[2] ?? null,
      q4: r.recorded[3] ?? null,
      amount: null,
      date: utc(form.to),
      location: null,
      evidence: null,
      note: null,
      breakdown: null,
    };
    FORM_COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = values[c];
      cell.border = BORDERS;
      cell.alignment = { vertical: 'top', wrapText: c === 'text' || c === 'note' || c === 'evidence' };
      const input = (FORM_INPUTS as readonly string[]).includes(c);
      cell.fill = input ? YELLOW : GREY;
      if (input) cell.protection = { locked: false };
      // Ids and texts typed in stay text (a note "1e3" is no number).
      if (c === 'location' || c === 'evidence' || c === 'note' || c === 'breakdown' || c === 'indicator')
        cell.numFmt = '@';
      else if (c === 'date') cell.numFmt = 'yyyy-mm-dd';
    });
  });
  const lastRow = FORM_HEADER_ROW + Math.max(form.rows.length, 1);
  addValidations(sheet, plan, form, t, list);
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  writeHelp(help, plan, form, t);
  await help.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const values: Record<(typeof META_KEYS)[number], string | number> = {
    kind: FORM_KIND,
    version: FORM_VERSION,
    plan: plan.meta.id,
    agency: form.agency.id,
    quarter: form.quarter,
  };
  META_KEYS.forEach((key, i) => {
    meta.getCell(i + 1, 1).value = key;
    meta.getCell(i + 1, 2).value = values[key];
    workbook.definedNames.add(`${META_SHEET}!$B$${i + 1}`, metaName(key));
  });
  await meta.protect('', {});
  workbook.definedNames.add(`${quoted(sheetName)}!$A$${FORM_HEADER_ROW + 1}:$${LAST}$${lastRow}`, ROWS_NAME);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

type Validation = Omit<DataValidation, 'formulae'> & { formulae: unknown[] };

/**
 * The input cells' validations, each on a range of rows (consecutive rows alike share one): exceljs' own merging
 * of per-cell validations writes overlapping ranges (it sorts K10 before K8), which spreadsheet programs repair.
 */
function addValidations(sheet: Worksheet, plan: Plan, form: Form, t: Translate, list: string): void {
  const units = plan.units;
  const hasRegions = plan.regions.size > 0;
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: Validation): void } })
    .dataValidations;
  // What a spreadsheet program says when the cell is selected, and when a wrong value is typed.
  const message = (c: FormColumn, key: MessageKey, params: Record<string, string> = {}) => ({
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: header(t, form, c),
    error: t(key, params),
    promptTitle: header(t, form, c),
    prompt: t(key, params),
  });
  const first = FORM_HEADER_ROW + 1;
  const perColumn = (c: FormColumn, v: Validation): void => {
    if (form.rows.length > 0)
      validations.add(`${letter(col(c) - 1)}${first}:${letter(col(c) - 1)}${first + form.rows.length - 1}`, v);
  };
  // The amount's prompt names the row's unit: one range per run of rows in the same unit.
  let start = 0;
  form.rows.forEach((r, i) => {
    const next = form.rows[i + 1];
    // Rows in one unit share a prompt (and a count unit's whole-number rule).
    if (next?.indicator.unit === r.indicator.unit) return;
    const amount = letter(col('amount') - 1);
    // A unit that counts things (count: true) takes whole numbers, as rad import and rad validate require.
    const whole = units.get(r.indicator.unit)?.count === true;
    validations.add(`${amount}${first + start}:${amount}${first + i}`, {
      type: whole ? 'whole' : 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      ...message('amount', whole ? 'forms.v.whole' : 'forms.v.amount', { unit: r.indicator.unit }),
    });
    start = i + 1;
  });
  perColumn('date', {
    type: 'date',
    operator: 'between',
    formulae: [utc(form.from), utc(form.to)],
    ...message('date', 'forms.v.date', { from: form.from, to: form.to }),
  });
  if (hasRegions) perColumn('location', { type: 'list', formulae: [list], ...message('location', 'forms.v.location') });
  for (const c of ['evidence', 'note', 'breakdown'] as const)
    perColumn(c, {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [MAX_TEXT],
      ...message(c, `forms.v.${c}`, { limit: String(MAX_TEXT) }),
    });
}

/** Rows 1-5: the plan, the decree, the agency, the quarter and the one-line instruction. */
function writeTop(sheet: Worksheet, plan: Plan, form: Form, t: Translate): void {
  const lines: [string, boolean][] = [
    [plan.meta.title, true],
    [plan.meta.decree.number ? t('forms.decree', { number: plan.meta.decree.number }) : '', false],
    [t('forms.agency', { name: form.agency.name, id: form.agency.id }), true],
    [t('forms.quarter', { quarter: form.quarter, from: form.from, to: form.to, year: form.year }), true],
    [t('forms.fill'), false],
  ];
  lines.forEach(([text, bold], i) => {
    const n = i + 1;
    sheet.mergeCells(`A${n}:${LAST}${n}`);
    const cell = sheet.getCell(`A${n}`);
    cell.value = text;
    cell.font = { bold, size: n === 1 ? 13 : 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Merged cells do not grow with their text: room for the lines it takes at about 180 characters each.
    sheet.getRow(n).height = 16 * Math.max(1, Math.ceil(text.length / 180));
  });
}

function writeHelp(help: Worksheet, plan: Plan, form: Form, t: Translate): void {
  const params = {
    agency: `${form.agency.name} (${form.agency.id})`,
    quarter: form.quarter,
    from: form.from,
    to: form.to,
    year: form.year,
    plan: plan.meta.title,
  };
  help.columns = [{ width: 18 }, { width: 22 }, { width: 80 }, { width: 28 }];
  const paragraph = (text: string, bold = false): void => {
    const row = help.addRow([text]);
    help.mergeCells(`A${row.number}:D${row.number}`);
    row.getCell(1).font = { bold, size: bold ? 13 : 11 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 16 * Math.max(1, Math.ceil(text.length / 130));
  };
  paragraph(t('forms.help.title'), true);
  for (const key of ['about', 'rows', 'one-row', 'recorded', 'locked'] as const)
    paragraph(t(`forms.help.${key}`, params));
  paragraph(t('forms.help.privacy', params), true);
  help.addRow([]);
  const head = help.addRow([
    t('forms.help.column'),
    t('forms.help.required'),
    t('forms.help.meaning'),
    t('forms.help.example'),
  ]);
  head.font = { bold: true };
  const example: Partial<Record<FormColumn, string>> = {
    indicator: form.rows[0]?.indicator.id,
    amount: '7',
    date: form.to,
    location: [...plan.regions.values()].map(regionChoice)[0],
    evidence: 'https://example.org/laporan-q1.pdf',
    breakdown: 'perempuan=4,laki-laki=3',
  };
  for (const c of FORM_COLUMNS) {
    if (c === 'q2' || c === 'q3' || c === 'q4') continue;
    const required =
      c === 'amount'
        ? 'yes'
        : c === 'date'
          ? 'preset'
          : (FORM_INPUTS as readonly string[]).includes(c)
            ? 'optional'
            : 'filled';
    const name =
      c === 'q1'
        ? ['q1', 'q2', 'q3', 'q4'].map((q) => header(t, form, q as FormColumn)).join(', ')
        : header(t, form, c);
    const row = help.addRow([
      name,
      t(`forms.help.${required}`),
      t(`forms.help.c.${c === 'q1' ? 'recorded' : c}`, params),
      example[c] ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}
