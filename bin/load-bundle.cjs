// Load dist/rad.cjs through vm.Script with V8's code cache (dist/rad.cache) when V8 accepts it.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

function loadBundle(dist, { produce = false } = {}) {
  const filename = join(dist, 'rad.cjs');
  // The bundle is ASCII (esbuild charset: ascii): latin1 is the cheapest exact decode.
  const source = readFileSync(filename, 'latin1');
  let cachedData;
  if (!produce) {
    try {
      cachedData = readFileSync(join(dist, 'rad.cache'));
    } catch {
      // No cache: compile from source.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dist);
  return { run: module.exports.run, script };
}

module.exports = { loadBundle };
