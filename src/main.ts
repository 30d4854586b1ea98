// Bundle entry point: what bin/rad.js imports.
export { run } from './cli.js';
