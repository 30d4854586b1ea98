// RAD_TIMING=1: phase timings on stderr, for `npm run bench` investigations. Silent otherwise.
let last = performance.now();

export function mark(env: Record<string, string | undefined>, phase: string): void {
  if (env.RAD_TIMING !== '1') return;
  const now = performance.now();
  process.stderr.write(
    `rad timing: ${phase} ${(now - last).toFixed(1)} ms (heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB)\n`,
  );
  last = now;
}
