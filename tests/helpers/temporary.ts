import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A maker of temporary folders for one test file, all removed once its tests are done. */
export function temporaryFolders(): (prefix: string) => string {
  const created: string[] = [];
  afterAll(() => {
    for (const folder of created) rmSync(folder, { recursive: true, force: true });
  });
  return (prefix) => {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    created.push(folder);
    return folder;
  };
}
