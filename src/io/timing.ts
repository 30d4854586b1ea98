// RAD_TIMING=1: phase timings on stderr, for `npm run bench` investigations. Silent otherwise.
// process.hrtime, not performance.now(): the global `performance` loads perf_hooks (eight internal modules, about a
// millisecond) on first use, and this module is initialised on every run.
let last = process.hrtime.bigint();

export function mark(env: Record<string, string | undefined>, phase: string): void {
  if (env.RAD_TIMING !== '1') return;
  const now = process.hrtime.bigint();
  process.stderr.write(
    `rad timing: ${phase} ${(Number(now - last) / 1e6).toFixed(1)} ms (heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB)\n`,
  );
  last = now;
}
