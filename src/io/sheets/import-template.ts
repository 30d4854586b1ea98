// Blank import templates: a CSV header line, or an XLSX workbook with the header row and a sheet explaining each column.
import { COLUMN_NAMES, TEMPLATE_FIELDS } from '../../core/import-columns.js';
import { REQUIRED_FIELDS } from '../../core/entry-input.js';
import type { Lang } from '../../core/types.js';
import type { Translate } from '../../i18n/index.js';

const EXAMPLES: Record<string, string> = {
  indicator: 'B.3.b.1',
  date: '2021-03-10',
  amount: '7',
  reported_by: 'dinsos',
  location: 'kota-kupang',
  evidence: 'https://example.org/laporan-q1.pdf',
  note: '',
  unit: 'ORANG',
  breakdown: 'perempuan=4,laki-laki=3',
};

export function csvTemplate(lang: Lang): string {
  return TEMPLATE_FIELDS.map((f) => COLUMN_NAMES[f][lang]).join(',') + '\n';
}

export async function xlsxTemplate(lang: Lang, t: Translate): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same template every time.
  workbook.created = workbook.modified = new Date(Date.UTC(2020, 0, 1));
  const sheet = workbook.addWorksheet(t('template.sheet'));
  sheet.columns = TEMPLATE_FIELDS.map((f) => ({
    header: COLUMN_NAMES[f][lang],
    key: f,
    width: f === 'note' || f === 'evidence' ? 40 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Dates typed in the date column become real date cells shown as YYYY-MM-DD; ids stay text.
  sheet.getColumn('date').numFmt = 'yyyy-mm-dd';
  for (const f of ['indicator', 'reported_by', 'location', 'unit'] as const) sheet.getColumn(f).numFmt = '@';
  TEMPLATE_FIELDS.forEach((f, i) => {
    sheet.getRow(1).getCell(i + 1).note = t(`template.${f}`);
  });
  const help = workbook.addWorksheet(t('template.help-sheet'));
  help.columns = [
    { header: t('template.column'), width: 16 },
    { header: t('template.required'), width: 10 },
    { header: t('template.meaning'), width: 70 },
    { header: t('template.example'), width: 34 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of TEMPLATE_FIELDS) {
    help.addRow([
      COLUMN_NAMES[f][lang],
      t(REQUIRED_FIELDS.includes(f) ? 'template.yes' : 'template.no'),
      t(`template.${f}`),
      EXAMPLES[f] ?? '',
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
