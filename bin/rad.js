#!/usr/bin/env node
// rad's executable: run the bundled CLI and set the exit code. Only this file touches process.exitCode.
import { existsSync } from 'node:fs';

// A reader that stops early (`rad report | head`) closes the pipe: that is the reader's choice, not an error.
// Any other failure to write (a full disk: `rad report > /dev/full`) ends rad with one line, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      process.stderr.write(`rad: cannot write to standard output: ${e.code ?? e.message}\n`);
    }
    process.exit(2);
  });
}

const bundle = new URL('../dist/rad.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('rad: dist/rad.js is missing; run `npm ci` (or `npm run build`) in the rad checkout first.\n');
  process.exitCode = 2;
} else {
  const { run } = await import(bundle.href);
  process.exitCode = await run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env });
}
