// One indicator's tallies per year in a commit's progress/ tree, for the actual beside a target change: memoized
// by tree and blob id, so a directory or file that did not change between two commits is never read again, and a
// file whose bytes cannot spell the id is never parsed.
import { buildEntries } from '../../core/build-plan.js';
import { addEntry, mergeInto, type Tally } from '../../core/aggregate.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { decodeUtf8, parseYamlSource } from '../yaml/yaml-source.js';
import { isBlobMode, isTreeMode, type Batch, type TreeEntry } from './batch.js';
import { Lru } from './lru.js';

/** Tallies of one indicator by year ('2021'). */
export type YearTallies = ReadonlyMap<string, Tally>;

const NONE: YearTallies = new Map();

/**
 * Whether bytes can hold the id as a value: they spell it, or hold a backslash (a double-quoted escape can spell
 * anything). Anchors and aliases still spell it once; a file that is not UTF-8 holds no value at all.
 */
export const canHold = (bytes: Buffer, id: Buffer): boolean => bytes.includes(id) || bytes.includes(0x5c);

/** rad's file order: full paths sorted, so a directory sorts as its name followed by '/'. */
const sortKey = (e: TreeEntry): string => (isTreeMode(e.mode) ? `${e.name}/` : e.name);

export class IdTallies {
  private readonly memo = new Lru<string, Promise<YearTallies>>(16_384);
  private readonly idBytes: Buffer;

  constructor(
    private readonly batch: Batch,
    private readonly id: string,
  ) {
    this.idBytes = Buffer.from(id, 'utf8');
  }

  /** The id's tallies in a progress/ tree (entries in file order, files in path order). */
  tree(oid: string): Promise<YearTallies> {
    return this.memo.getOr(oid, async () => {
      const kids = (await this.batch.tree(oid))
        .filter((e) => !e.name.startsWith('.'))
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
      // Every child asked for at once: the batch process answers in order, without a round trip each.
      const parts = await Promise.all(
        kids.map((e) =>
          isTreeMode(e.mode)
            ? this.tree(e.oid)
            : isBlobMode(e.mode) && e.name.endsWith('.yaml')
              ? this.blob(e.oid)
              : Promise.resolve(NONE),
        ),
      );
      const out = new Map<string, Tally>();
      for (const part of parts)
        for (const [year, t] of part) {
          const earlier = out.get(year);
          if (earlier) mergeInto(earlier, t.count, t.sum, t.max, t.lastDate, t.lastAmount);
          else out.set(year, { ...t });
        }
      return out;
    });
  }

  private blob(oid: string): Promise<YearTallies> {
    return this.memo.getOr(oid, async () => {
      const bytes = await this.batch.blob(oid);
      if (!bytes || bytes.length > MAX_FILE_BYTES || !canHold(bytes, this.idBytes)) return NONE;
      const text = decodeUtf8('', bytes).text;
      if (text === undefined) return NONE;
      const out = new Map<string, Tally>();
      for (const e of buildEntries([{ file: '', value: (await parseYamlSource('', text)).value }])) {
        // A date's year as a target change reads it: YYYY- (a malformed date belongs to no year).
        if (e.indicator !== this.id || e.date[4] !== '-') continue;
        const year = e.date.slice(0, 4);
        out.set(year, addEntry(out.get(year), e));
      }
      return out;
    });
  }
}
