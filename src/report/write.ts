// Atomic writes: the bytes go to a temporary file in the output folder, then a rename
// puts them in place, so a crash or Ctrl-C never leaves half a report behind.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import path from 'node:path';

const inFlight = new Set<string>();

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(temp);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/** Removes temporary files of writes still under way; for a SIGINT/SIGTERM handler. */
export function removeTemporaryFiles(): void {
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created: nothing to clean.
    }
  }
  inFlight.clear();
}
