// What a command runs with: working directory, streams and environment, injected so tests run in-process.
import type { OutStream } from './render/color.js';
import type { Lang } from './core/types.js';

export interface Io {
  cwd: string;
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
}

/** Io plus what a run learns on the way: the language, once the plan has been read. */
export interface Ctx extends Io {
  lang?: Lang;
}
