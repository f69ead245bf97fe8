// Which Chromium prints the PDF. plan downloads no browser: it uses the one the machine has
// (Debian's `chromium`), or the one PLAN_CHROMIUM names.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { Params, Text } from '../../../i18n/text.js';

/** Looked up on PATH in this order when PLAN_CHROMIUM is not set. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** The browser's path, or what to tell the user instead. */
export type ChromiumLookup = { found: string } | { text: Text; params: Params };

const TEXT = {
  notInstalled: {
    es: 'Para --formato pdf hace falta Chromium y no se encontró (se buscó {commands} en el PATH). Instálelo con «sudo apt-get install chromium» o indique dónde está con PLAN_CHROMIUM=/ruta/al/navegador.',
    en: '--format pdf needs Chromium and none was found (looked for {commands} on PATH). Install it with "sudo apt-get install chromium" or say where it is with PLAN_CHROMIUM=/path/to/browser.',
  },
  badVariable: {
    es: 'PLAN_CHROMIUM dice «{value}», que no es un programa ejecutable. Corríjala con la ruta del navegador (por ejemplo PLAN_CHROMIUM=/usr/bin/chromium) o quítela para buscar chromium en el PATH.',
    en: 'PLAN_CHROMIUM says "{value}", which is not an executable program. Set it to the browser\'s path (for example PLAN_CHROMIUM=/usr/bin/chromium) or unset it to look for chromium on PATH.',
  },
} as const satisfies Record<string, Text>;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string, pathVariable: string): string | undefined {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * PLAN_CHROMIUM first (a path, or a command looked up on PATH), then the usual command
 * names. A PLAN_CHROMIUM that names nothing runnable is an error of its own rather than a
 * silent fall back to another browser, so the user learns their setting does not work.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const pathVariable = env.PATH ?? '';
  const wanted = env.PLAN_CHROMIUM?.trim();
  if (wanted) {
    const found = wanted.includes('/') ? (isExecutableFile(wanted) ? wanted : undefined) : onPath(wanted, pathVariable);
    return found ? { found } : { text: TEXT.badVariable, params: { value: wanted } };
  }
  for (const command of CHROMIUM_COMMANDS) {
    const found = onPath(command, pathVariable);
    if (found) return { found };
  }
  return { text: TEXT.notInstalled, params: { commands: CHROMIUM_COMMANDS.join(', ') } };
}
