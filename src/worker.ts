// Worker thread entry (dist/worker.cjs): reads progress files without the plan for io/load/worker-pool.ts.
import { parentPort } from 'node:worker_threads';
import { blobId } from './io/cache/progress-cache.js';
import { readProgress } from './io/load/progress-read.js';

parentPort?.on('message', (m: { id: number; file: string; bytes: Uint8Array }) => {
  readProgress(m.file, m.bytes).then(
    (read) => parentPort?.postMessage({ id: m.id, result: { read, blob: blobId(m.bytes) } }),
    (e: unknown) => parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
