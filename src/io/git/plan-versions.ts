// The plan's indicators at any commit, read from git's objects: only plan.yaml and the section files it lists (the
// only files that hold indicators), each distinct blob read and parsed once, a few versions remembered. No schema
// or rules: a history shows what each version said, and rad validate judges them.
import { buildPlan, type RawDoc } from '../../core/build-plan.js';
import { asObj, asStrs } from '../../core/guards.js';
import type { Plan } from '../../core/types.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { isSectionName, PLAN_FILE, PROGRESS_DIR } from '../load/load-plan.js';
import { locateOnce } from '../yaml/fast-yaml.js';
import { decodeUtf8, parseYamlSource, type YamlSource } from '../yaml/yaml-source.js';
import { isBlobMode, isTreeMode } from './batch.js';
import { repoPath, type HistoryRepo } from './history.js';
import { Lru } from './lru.js';

export interface PlanVersion {
  plan: Plan;
  /** The parsed files by repo-relative name, to place a change on its line. */
  sources: Map<string, YamlSource>;
}

/** A plan directory's tree at a commit: its top-level files (name -> blob id) and its progress/ subtree. */
export interface PlanTree {
  files: Map<string, string>;
  progress?: string;
}

export class PlanVersions {
  private readonly trees = new Lru<string, Promise<PlanTree | undefined>>(1024);
  private readonly parsed = new Lru<string, Promise<YamlSource | undefined>>(16);
  private readonly versions = new Lru<string, Promise<PlanVersion | undefined>>(4);

  constructor(private readonly repo: HistoryRepo) {}

  /** The plan directory at a commit; undefined where the commit has none. */
  tree(commit: string): Promise<PlanTree | undefined> {
    return this.trees.getOr(commit, async () => {
      const batch = this.repo.batch();
      const root = await batch.commitTree(commit);
      const dir = root && (await batch.subtree(root, this.repo.plan));
      if (!dir) return undefined;
      const files = new Map<string, string>();
      let progress: string | undefined;
      for (const e of await batch.tree(dir)) {
        if (e.name === PROGRESS_DIR && isTreeMode(e.mode)) progress = e.oid;
        else if (isBlobMode(e.mode)) files.set(e.name, e.oid);
      }
      return { files, progress };
    });
  }

  /** The plan as a commit holds it (indicators, targets, sections); undefined where there is no plan.yaml. */
  async at(commit: string): Promise<PlanVersion | undefined> {
    const tree = await this.tree(commit);
    if (!tree?.files.has(PLAN_FILE)) return undefined;
    // Two commits with the same plan files share one version (progress-only commits in between change nothing).
    const key = [...tree.files].map(([name, oid]) => `${name}:${oid}`).join('/');
    return this.versions.getOr(key, () => this.build(tree.files));
  }

  private async build(files: Map<string, string>): Promise<PlanVersion | undefined> {
    const sources = new Map<string, YamlSource>();
    const doc = async (name: string): Promise<RawDoc | undefined> => {
      const oid = files.get(name);
      if (oid === undefined) return undefined;
      const file = repoPath(this.repo, name);
      const source = await this.source(oid, file);
      if (source) sources.set(file, source);
      return { file, value: source?.value };
    };
    const planFile = await doc(PLAN_FILE);
    if (!planFile) return undefined;
    const names = asStrs(asObj(planFile.value)?.sections);
    const sections: RawDoc[] = [];
    for (const [i, name] of names.entries()) {
      if (!isSectionName(name) || names.indexOf(name) < i) continue;
      const section = await doc(name);
      if (section) sections.push(section);
    }
    return { plan: buildPlan({ planFile, sections, progress: [] }), sources };
  }

  /** A blob parsed as the file loader parses it (too large, not UTF-8 or not YAML: no value). */
  private source(oid: string, file: string): Promise<YamlSource | undefined> {
    return this.parsed.getOr(`${oid} ${file}`, async () => {
      const bytes = await this.repo.batch().blob(oid);
      if (!bytes || bytes.length > MAX_FILE_BYTES) return undefined;
      const text = decodeUtf8(file, bytes).text;
      if (text === undefined) return undefined;
      const parsed = await parseYamlSource(file, text);
      // A version places a change or two: find each one's line in one pass rather than index every node.
      if (!('canonical' in parsed)) return parsed;
      return { ...parsed, locate: (pointer, key) => locateOnce(text, pointer, key) ?? parsed.locate(pointer, key) };
    });
  }
}
