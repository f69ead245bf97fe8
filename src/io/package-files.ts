// The package's own files (package.json, schemas/, templates/), found from where this module
// sits: two folders below the package root, as src/io/ and dist/io/ are, and as dist/bundle/
// is, the bundle bin/plan.js runs (tools/bundle.ts), which holds this code inlined.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** The absolute path of a file or folder of the package: `packagePath('templates/init/')`. */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, PACKAGE_ROOT));
}

export interface PackageInfo {
  name: string;
  version: string;
  homepage?: string;
}

let info: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  return (info ??= createRequire(import.meta.url)(packagePath('package.json')) as PackageInfo);
}
