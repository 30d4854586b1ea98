// Which command git should run as rad's diff driver: `rad diff --git-driver` when the rad on PATH is this rad,
// else this rad by its absolute path (node's path and bin/rad.cjs's real path), so git diff works without PATH.
import type { Ctx } from '../../context.js';
import { shellCommand } from '../../core/shell.js';
import { findOnPath, realPath } from '../../io/fs/path-lookup.js';

export const DRIVER_COMMAND = 'rad diff --git-driver';

export type DriverChoice =
  /** --driver COMMAND: as given. */
  | { how: 'given'; command: string }
  /** rad on PATH resolves to this rad's bin/rad.cjs. */
  | { how: 'on-path'; command: string; found: string }
  /** No rad on PATH (found undefined) or another one: this rad by its absolute path. */
  | { how: 'absolute'; command: string; found?: string }
  /** Run in-process without knowing which rad this is (no bin): the portable command. */
  | { how: 'unknown'; command: string };

export function chooseDriver(io: Ctx, given: string | true): DriverChoice {
  if (typeof given === 'string') return { how: 'given', command: given };
  if (!io.self) return { how: 'unknown', command: DRIVER_COMMAND };
  const found = findOnPath('rad', io.env);
  const self = realPath(io.self.script) ?? io.self.script;
  if (found !== undefined && realPath(found) === self) return { how: 'on-path', command: DRIVER_COMMAND, found };
  const command = shellCommand([io.self.node, self, 'diff', '--git-driver']);
  return found === undefined ? { how: 'absolute', command } : { how: 'absolute', command, found };
}
