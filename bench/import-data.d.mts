export function writeImportCsv(
  made: { dir: string; info: Map<string, { coordinator: string }> },
  rows: number,
): { path: string; files: number };
