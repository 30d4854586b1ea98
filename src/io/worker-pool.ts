// Reading many progress files on every core: worker threads run readProgress (plan-free) on transferred bytes.
// Only the built CLI has a worker script (dist/worker.cjs); from source, and for little data, one thread does it.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
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

/** Results in job order, or undefined when the work is better done in this thread. */
export async function readInWorkers(jobs: Job[], env: Record<string, string | undefined>, onDone: () => void = () => undefined): Promise<WorkerResult[] | undefined> {
  const bytes = jobs.reduce((n, j) => n + j.bytes.length, 0);
  const wanted = env.RAD_WORKERS === undefined ? Math.min(availableParallelism(), 4) : Number(env.RAD_WORKERS);
  const minBytes = env.RAD_WORKER_MIN_BYTES === undefined ? MIN_BYTES : Number(env.RAD_WORKER_MIN_BYTES);
  const script = typeof __RAD_BUILD__ === 'string' && typeof __dirname === 'string' ? join(__dirname, 'worker.cjs') : undefined;
  const count = Math.min(wanted, jobs.length);
  if (!script || !(count > 1) || bytes < minBytes) return undefined;
  const { Worker } = await import('node:worker_threads');
  const results: WorkerResult[] = new Array(jobs.length);
  let next = 0;
  const run = (worker: InstanceType<typeof Worker>): Promise<void> =>
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
        results[m.id] = m.result!;
        onDone();
        send();
      });
      worker.on('error', reject);
      send();
    });
  await Promise.all(Array.from({ length: count }, () => run(new Worker(script))));
  return results;
}
