// Which build this is (a hash of src/, schemas/ and the lockfile, set by scripts/build.mjs): a cache written by
// another build is not trusted.
declare const __RAD_BUILD__: string | undefined;

export const BUILD_ID = typeof __RAD_BUILD__ === 'string' ? __RAD_BUILD__ : 'dev';
