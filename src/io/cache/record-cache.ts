// The record cache: what `rad record` checks an entry against (the plan's meta, years, units, agencies, regions,
// and each indicator's id, unit, coordinator and implementers), for a large plan with no errors, kept by the
// commands that load the plan in full (rad validate, rad report...) and read, never written, by rad record: a hit
// spares it the plan cache's megabytes of sections and building the whole tree. Keyed by every plan file's stat
// (git's racy-clean rule), then by its content hash (a file touched without a change still hits); checksummed,
// of this build only. Anything that does not check out is a miss: record loads the plan in full.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agency, Indicator, Plan, PlanMeta, Region, Unit } from '../../core/types.js';
import type { FileStat } from '../fs/file-source.js';
import { BUILD_ID } from './build-id.js';
import { cacheChecksum, racyMs, readCacheBody, readCacheFile, statTrusted, writeCacheFile } from './cache-file.js';
import { fastHash } from './fast-hash.js';

const FILE_NAME = 'record-v1.json';

/** A plan file the cache was made from: its name in the plan directory, stat and content hash. */
export interface RecordInput {
  rel: string;
  stat: FileStat;
  hash: string;
}

interface Data {
  build: string;
  /** The plan's key (io/cache/rules-cache.ts rulesKey): a writer whose plan has this key need not write again. */
  key: string;
  /** When the cache file was written (ms since the epoch): stat data as recent as this is not trusted. */
  written: number;
  files: RecordInput[];
  meta: PlanMeta;
  years: number[];
  /** The plan's maps as [id, value] pairs, in their order (the first of two with one id, as the plan keeps). */
  units: [string, Unit][];
  agencies: [string, Agency][];
  regions: [string, Region][];
  /** plan.indicatorById's: id, unit, coordinator, implementers. */
  indicators: [string, string, string, string[]][];
}

const isData = (d: unknown): d is Data => {
  const o = d as Partial<Data> | undefined;
  return (
    typeof o === 'object' &&
    o !== null &&
    o.build === BUILD_ID &&
    typeof o.key === 'string' &&
    typeof o.written === 'number' &&
    [o.files, o.years, o.units, o.agencies, o.regions, o.indicators].every(Array.isArray) &&
    typeof o.meta === 'object'
  );
};

const read = (dir: string): Data | undefined => {
  const data = readCacheFile(join(dir, FILE_NAME), cacheChecksum);
  return isData(data) ? data : undefined;
};

/** The start of a cache file's body for this build and key (JSON.stringify keeps Data's order). */
const headOf = (key: string): string => `{"build":${JSON.stringify(BUILD_ID)},"key":${JSON.stringify(key)},`;

/**
 * Whether the cache holds the plan of this key and checks out (a writer then writes nothing): its checksum and
 * its first bytes, without parsing a megabyte of JSON on every rad validate of a national plan.
 */
export function recordCacheHas(dir: string, key: string): boolean {
  return readCacheBody(join(dir, FILE_NAME), cacheChecksum)?.startsWith(headOf(key)) === true;
}

/** Keep what record checks of this plan (its files as given), replacing what the cache held. */
export async function storeRecordPlan(dir: string, key: string, files: RecordInput[], plan: Plan): Promise<void> {
  // build and key first: recordCacheHas reads them as the body's first bytes.
  const data: Data = {
    build: BUILD_ID,
    key,
    written: Date.now(),
    files,
    meta: plan.meta,
    years: plan.years,
    units: [...plan.units],
    agencies: [...plan.agencies],
    regions: [...plan.regions],
    indicators: [...plan.indicatorById.values()].map((i) => [i.id, i.unit, i.coordinator, i.implementers]),
  };
  await writeCacheFile(dir, FILE_NAME, JSON.stringify(data), cacheChecksum);
}

/**
 * The plan as record checks entries against it, when every plan file the cache was made from is unchanged (by
 * stat, else by content); else undefined. Its indicators carry only id, unit, coordinator and implementers, and it
 * has no sections: it is for core/entry-rules.ts checkEntry and an entry's summary, nothing else.
 */
export function cachedRecordPlan(
  dir: string,
  planDir: string,
  stat: (rel: string) => FileStat | undefined,
  env: Record<string, string | undefined>,
): Plan | undefined {
  const data = read(dir);
  if (!data) return undefined;
  const racy = racyMs(env);
  for (const f of data.files) {
    const now = stat(f.rel);
    if (!now) return undefined;
    if (statTrusted(f.stat, now, data.written, racy)) continue;
    try {
      if (fastHash(readFileSync(join(planDir, f.rel))) !== f.hash) return undefined;
    } catch {
      return undefined;
    }
  }
  const indicators = data.indicators.map(
    ([id, unit, coordinator, implementers]) => ({ id, unit, coordinator, implementers }) as Indicator,
  );
  return {
    meta: data.meta,
    years: data.years,
    units: new Map(data.units),
    agencies: new Map(data.agencies),
    regions: new Map(data.regions),
    sections: [],
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.id, i])),
  };
}
