// The README cannot go stale: every `plan` command it shows runs on a copy of examples/,
// and every excerpt marked `<!-- extracto: … -->` is compared with the real output.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli/run.js';
import { copyOfExamples } from './helpers/examples.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const VERSION = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

/** Words in the README that stand for «your plan folder»: here, the copy of examples/. */
const PLACEHOLDERS: [RegExp, string][] = [
  [/(^| )-C (examples|ruta\/al\/plan)(?= |$)/, '$1-C .'],
];

function withPlaceholders(command: string): string {
  return PLACEHOLDERS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), command);
}

// After the example year closed: what a reader running the README today sees.
const TODAY = new Date(2026, 11, 3);

/** Shell-like words: spaces split, quotes group. Enough for the commands a README shows. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/**
 * The `plan` invocations of a shell line: `plan …` or `npx --package=… plan …`, joined by
 * `&&`, with `cd` followed. npm, git and other tools are left to their own tests.
 */
function planCommands(line: string): { cd: string[]; args: string[] }[] {
  const result: { cd: string[]; args: string[] }[] = [];
  const cd: string[] = [];
  for (const part of line.replace(/\s+#.*$/, '').split('&&')) {
    const tokens = words(withPlaceholders(part.trim()));
    if (tokens[0] === 'cd' && tokens[1]) cd.push(tokens[1]);
    if (tokens[0] === 'npx' && tokens[1]?.startsWith('--package=') && tokens[2] === 'plan') tokens.splice(0, 2);
    if (tokens[0] === 'plan') result.push({ cd: [...cd], args: tokens.slice(1) });
  }
  return result;
}

interface ShellBlock {
  readmeLine: number;
  lines: string[];
}

/** Each ```sh block of the README, its comment lines left out: one script a reader types in order. */
function shellBlocks(): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  let current: ShellBlock | undefined;
  README.split('\n').forEach((line, index) => {
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) {
      if (current) blocks.push(current);
      current = !current && fence[1] === 'sh' ? { readmeLine: index + 1, lines: [] } : undefined;
      return;
    }
    if (current && line.trim() !== '' && !line.trim().startsWith('#')) current.lines.push(line.trim());
  });
  return blocks.filter((block) => block.lines.some((line) => planCommands(line).length > 0));
}

interface Excerpt {
  command: string;
  /** The report file the excerpt comes from; absent for terminal output. */
  file?: string;
  lines: string[];
  readmeLine: number;
}

/**
 * `<!-- extracto: plan validate dependencias/SSP -->` or
 * `<!-- extracto: plan report --annual --formato md → reportes/anual-2019.md -->`, followed by a
 * fenced block or a table: the lines that follow are the excerpt.
 */
function excerpts(): Excerpt[] {
  const lines = README.split('\n');
  const found: Excerpt[] = [];
  lines.forEach((line, index) => {
    const marker = /^\s*<!-- extracto: (.+?)(?: → (\S+))? -->\s*$/.exec(line);
    if (!marker) return;
    let i = index + 1;
    while (lines[i]?.trim() === '') i++;
    const body: string[] = [];
    const fenced = /^\s*```/.test(lines[i] ?? '');
    const indent = (lines[i] ?? '').length - (lines[i] ?? '').trimStart().length;
    if (fenced) {
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]!); i++) body.push(lines[i]!.slice(indent));
    } else {
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) body.push(lines[i]!);
    }
    found.push({ command: marker[1]!, ...(marker[2] ? { file: marker[2] } : {}), lines: body.map((l) => l.trimEnd()).filter((l) => l !== ''), readmeLine: index + 1 });
  });
  return found;
}

/** The excerpt's lines appear in the output in the same order (rows may be skipped between them). */
function missingLines(excerpt: readonly string[], output: string): string[] {
  const actual = output.split('\n').map((l) => l.trimEnd());
  const missing: string[] = [];
  let from = 0;
  for (const line of excerpt) {
    const at = actual.indexOf(line, from);
    if (at < 0) missing.push(line);
    else from = at + 1;
  }
  return missing;
}

describe('README', () => {
  const blocks = shellBlocks();

  it('shows plan commands in its shell blocks (the parser still finds them)', () => {
    expect(blocks.flatMap((block) => block.lines.flatMap(planCommands)).length).toBeGreaterThan(12);
  });

  for (const block of blocks) {
    it(`README:${block.readmeLine}: every plan command of the block runs, in order, without a usage error`, async () => {
      const root = copyOfExamples();
      for (const line of block.lines) {
        for (const { cd, args } of planCommands(line)) {
          const run = await runCli(args, { cwd: path.join(root, ...cd), today: TODAY });
          const context = `«${line}»\n${run.stdout}\n${run.stderr}`;
          expect(run.stderr, context).not.toMatch(/error interno/);
          expect(run.code, context).toBeLessThan(2);
          if (args[0] === '--version') expect(run.stdout.trim(), context).toBe(VERSION);
        }
      }
    });
  }

  // Commands named in the text, not in a block: each runs on its own copy.
  const inline = [...new Set([...README.matchAll(/`(plan [^`]*)`/g)].map((m) => withPlaceholders(m[1]!.replace(/\s+/g, ' '))))];
  for (const command of inline) {
    it(`«${command}», named in the text, does what the text says`, async () => {
      const args = words(command).slice(1);
      if (command === 'plan valdate') {
        // Shown as the typo that gets a suggestion.
        const run = await runCli(args, { cwd: copyOfExamples(), today: TODAY });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('¿Quiso decir «validate»?');
        return;
      }
      // `plan init` alone scaffolds the current folder, so it runs in an empty one.
      const cwd = command === 'plan init' ? mkdtempSync(path.join(os.tmpdir(), 'plan-readme-init-')) : copyOfExamples();
      const run = await runCli(args, { cwd, today: TODAY });
      expect(run.stderr, run.stderr).not.toMatch(/error interno/);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBeLessThan(2);
    });
  }

  const marked = excerpts();
  it('marks the excerpts it shows of real output', () => {
    expect(marked.length).toBeGreaterThanOrEqual(4);
  });

  for (const excerpt of marked) {
    it(`README:${excerpt.readmeLine} excerpt of «${excerpt.command}»${excerpt.file ? ` (${excerpt.file})` : ''} matches the real output`, async () => {
      const root = copyOfExamples();
      const tokens = words(excerpt.command);
      expect(tokens[0]).toBe('plan');
      const run = await runCli(tokens.slice(1), { cwd: root, today: TODAY });
      expect(run.code, run.stderr).toBeLessThan(2);
      const output = excerpt.file ? readFileSync(path.join(root, excerpt.file), 'utf8') : run.stdout;
      expect(missingLines(excerpt.lines, output)).toEqual([]);
    });
  }
});
