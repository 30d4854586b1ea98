// Reading many progress files on every core: worker threads run readProgress (plan-free) on transferred bytes.
// Only the built CLI has a worker script (dist/worker.cjs); from source, and for little data, one thread does it.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProgressRead } from './progress-read.js';

export interface WorkerResult {
  read: ProgressRead;
  /** Git blob id of the bytes. */
  blob: string;
}

declare const __dirname: string | undefined;
declare const __RAD_BUILD__: string | undefined;

/** Below this much to read, starting workers costs more than it saves. */
const MIN_BYTES = 8 * 1024 * 1024;

export interface Job {
  file: string;
  bytes: Uint8Array;
}

export interface Pool {
  /** Settles once every job's result was given to onDone (or with the first failure). */
  done: Promise<void>;
  /** Stop every worker now (the results will never be used). */
  abandon(): void;
}

/** Start the workers on the jobs, or undefined when the work is better done in this thread. */
export function readInWorkers(
  jobs: Job[],
  env: Record<string, string | undefined>,
  onDone: (id: number, result: WorkerResult) => void,
): Pool | undefined {
  const bytes = jobs.reduce((n, j) => n + j.bytes.length, 0);
  const wanted = env.RAD_WORKERS === undefined ? Math.min(availableParallelism(), 4) : Number(env.RAD_WORKERS);
  const minBytes = env.RAD_WORKER_MIN_BYTES === undefined ? MIN_BYTES : Number(env.RAD_WORKER_MIN_BYTES);
  const script =
    typeof __RAD_BUILD__ === 'string' && typeof __dirname === 'string' ? join(__dirname, 'worker.cjs') : undefined;
  const count = Math.min(wanted, jobs.length);
  if (!script || !(count > 1) || bytes < minBytes) return undefined;
  const workers = Array.from({ length: count }, () => new Worker(script));
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const send = (): void => {
        if (next >= jobs.length) {
          void worker.terminate();
          resolve();
          return;
        }
        const id = next++;
        const job = jobs[id]!;
        worker.postMessage({ id, file: job.file, bytes: job.bytes }, [job.bytes.buffer as ArrayBuffer]);
      };
      worker.on('message', (m: { id: number; result?: WorkerResult; error?: string }) => {
        if (m.error !== undefined) {
          reject(new Error(m.error));
          return;
        }
        onDone(m.id, m.result!);
        send();
      });
      worker.on('error', reject);
      send();
    });
  const all = Promise.all(workers.map(run)).then(() => undefined);
  // Nobody may wait for these results (abandon): a rejection must not go unhandled.
  all.catch(() => undefined);
  return {
    done: all,
    abandon() {
      next = jobs.length;
      for (const w of workers) void w.terminate();
    },
  };
}
