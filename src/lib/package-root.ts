// Where the files the service reads at run time live (migrations, the built web apps, the prepared
// database, data files), found from the running module itself. `npm start` runs one bundle in dist/
// (scripts/build.mjs), so a path written relative to a source file ("two folders up") would point
// elsewhere there; walking up to package.json gives the same answer from src/ under tsx, from the
// bundle and from its chunks alike.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));

export const PACKAGE_ROOT = findPackageRoot(here);

/** The tree this code runs from: `dist` (the build) or `src` (tsx, tests); data files sit at the same place in both. */
export const CODE_TREE = path.relative(PACKAGE_ROOT, here).split(path.sep)[0] === 'dist' ? 'dist' : 'src';

/** A data file shipped next to the code, by its path under src/ (the build copies it to the same place under dist/). */
export const codeFile = (relative: string): string => path.join(PACKAGE_ROOT, CODE_TREE, relative);
