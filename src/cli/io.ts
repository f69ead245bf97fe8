import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang, Text } from '../i18n/text.js';
import { fill, type Params } from '../i18n/text.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (colour is off otherwise). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Today, as the cut-off date for due reports, unless --fecha-corte says otherwise. */
  today: () => Date;
}

export function processIo(): CliIo {
  // `plan validate | head` closes the pipe early: that is the reader's choice, not an
  // error of ours, and must not end in Node's "Unhandled 'error' event" stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    today: () => new Date(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR or FORCE_COLOR=0 ask for none. */
export function colorFor(io: CliIo): ChalkInstance {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return new Chalk({ level: 0 });
  if (FORCE_COLOR === '0' || FORCE_COLOR === 'false') return new Chalk({ level: 0 });
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '') return new Chalk({ level: 1 });
  return new Chalk({ level: io.isTTY ? 1 : 0 });
}

/** A usage or configuration problem: the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(readonly text: Text, readonly params: Params = {}) {
    super(text.en);
  }
  render(lang: Lang): string {
    return fill(this.text[lang], this.params);
  }
}
