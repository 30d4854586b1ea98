// SYNTHETIC rows for the `rad import` part of `npm run bench` (issue 15 goal 4): a CSV of `rows` entries for the
// plan bench/generate.mjs made, spread evenly over 100 progress files (its 20 agencies x 5 quarters, 2023-Q4 to
// 2024-Q4), every row one the plan accepts and none a duplicate. Never real data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const QUARTERS = [
  [2024, 1],
  [2024, 2],
  [2024, 3],
  [2024, 4],
  [2023, 4],
];

/** Writes dir/synthetic-import.csv; returns its path and the number of files it fills. */
export function writeImportCsv(made, rows) {
  const byAgency = new Map();
  for (const [id, { coordinator }] of made.info) {
    if (!byAgency.has(coordinator)) byAgency.set(coordinator, []);
    byAgency.get(coordinator).push(id);
  }
  const agencies = [...byAgency.keys()];
  const slots = agencies.length * QUARTERS.length;
  const lines = ['indicator,date,amount,reported_by,note'];
  for (let k = 0; k < rows; k++) {
    const slot = k % slots;
    const agency = agencies[slot % agencies.length];
    const [year, quarter] = QUARTERS[Math.floor(slot / agencies.length)];
    const own = byAgency.get(agency);
    const round = Math.floor(k / slots);
    const month = String((quarter - 1) * 3 + 1 + (round % 3)).padStart(2, '0');
    const day = String(1 + (Math.floor(round / 3) % 28)).padStart(2, '0');
    // The row number in the note keeps every row distinct (the duplicate rule refuses a repeated entry).
    lines.push(`${own[round % own.length]},${year}-${month}-${day},${1 + (k % 9)},${agency},synthetic-${k + 1}`);
  }
  const path = join(made.dir, 'synthetic-import.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, files: Math.min(rows, slots) };
}
