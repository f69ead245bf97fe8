// Ctrl-C while files are being written: the CLI, the only place that decides exit codes,
// removes the temporary file under way and exits 130 (128 + SIGINT, what a shell reports).
import { removeTemporaryFiles } from '../io/write.js';

/** Exit code of a run stopped by Ctrl-C or SIGTERM. */
export const INTERRUPTED_EXIT = 130;

/** Runs `write` with a SIGINT/SIGTERM handler that leaves no temporary file behind. */
export async function whileWriting<T>(write: () => Promise<T>): Promise<T> {
  const onSignal = () => {
    removeTemporaryFiles();
    process.exit(INTERRUPTED_EXIT);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await write();
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
