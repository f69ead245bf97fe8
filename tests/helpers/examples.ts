import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * examples/ copied to a temp folder where nothing of this repository is above it, as an
 * office would copy it; examples/reportes/ (the demo's generated output) stays behind.
 */
export function copyOfExamples(): string {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-ejemplo-')), 'municipio');
  cpSync(EXAMPLES, copy, { recursive: true, filter: (source) => path.relative(EXAMPLES, source).split(path.sep)[0] !== 'reportes' });
  return copy;
}
