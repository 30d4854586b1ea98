// Which rad this is: the package's name and version (package.json says the same; test/outside/package.test.ts checks).
export const PACKAGE_NAME = '@gugus-tugas-tppo/rad';
export const VERSION = '0.1.0';
