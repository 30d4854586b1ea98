// Bundle entry point: what bin/rad.cjs loads.
export { run } from './cli.js';
