import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a department's CI would, with captured output. */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean; today?: Date } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    today: () => options.today ?? new Date(2019, 3, 15),
  };
  const code = await main(['node', 'plan', ...args], io);
  return { code, stdout, stderr };
}
