#!/usr/bin/env node
// rad's executable: run the bundled CLI and set the exit code. Only this file touches process.exitCode.
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a cost every run would pay.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');

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

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'rad.cjs'))) {
  process.stderr.write('rad: dist/rad.cjs is missing; run `npm ci` (or `npm run build`) in the rad checkout first.\n');
  process.exitCode = 2;
} else {
  loadBundle(dist)
    .run(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      // This rad: Node resolves the main script through symbolic links, so __filename is where the package is.
      self: { node: process.execPath, script: __filename },
    })
    .then((code) => {
      process.exitCode = code;
    });
}
