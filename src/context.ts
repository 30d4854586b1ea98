// What a command runs with: working directory, streams and environment, injected so tests run in-process.
import type { OutStream } from './render/color.js';
import type { Lang } from './core/types.js';

export interface Io {
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** The rad that runs: set by bin/rad.cjs; rad init and rad init-git --driver need it, other commands do not. */
  self?: Self;
}

/** Node's path and the real path of bin/rad.cjs; the package (schemas/, dist/) is the directory above bin/. */
export interface Self {
  node: string;
  script: string;
}

/** Io plus what a run learns on the way: the language, once the plan has been read. */
export interface Ctx extends Io {
  lang?: Lang;
  /** The `language:` line of plan.yaml, read cheaply before any command runs (cli.ts earlyLang). */
  planLang?: Lang;
}
