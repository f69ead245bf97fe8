import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { runCli } from './run.js';

const COMMANDS = ['validate', 'report', 'init', 'rules', 'explain', 'schema'];

// Words that belong to one language only. Names the help quotes from the other language are
// removed first: option names, placeholders, paths, «quoted» words, and the plan's own domain
// terms, which have no faithful English word (SPEC: «Spanish only for domain terms»).
const SPANISH = /\b(de|del|el|la|las|los|que|por|para|con|una|sin|sólo|también|omisión|según|cada|esta|este|o|y|muestra|ayuda|carpeta|opciones|comando)\b/i;
const ENGLISH = /\b(the|of|and|with|for|show|default|only|also|or|this|is|are|usage|options|commands|folder)\b/i;
const QUOTED = [/--?[\w-]+/g, /<[^>]*>|\[[^\]]*\]/g, /\S*\/\S*/g, /«[^»]*»|"[^"]*"/g, /Plan de Mejora|Planeación|LGT art\. 70 fr\. VI/g];

function prose(help: string): string {
  return QUOTED.reduce((text, pattern) => text.replace(pattern, ' '), help);
}

/** An option's row of the help, with its wrapped description joined: `--anual  evaluación anual…`. */
function optionRow(help: string, flags: string): string | undefined {
  const lines = help.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${flags}  `));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !/^ {4,}\S/.test(line));
  return [lines[start]!, ...rest.slice(0, end < 0 ? rest.length : end)].map((line) => line.trim()).join(' ').replace(/ {2,}/g, '  ');
}

function wordsIn(help: string, language: RegExp): string[] {
  return prose(help)
    .split('\n')
    .filter((line) => language.test(line))
    .map((line) => line.trim());
}

describe('help in the user’s language', () => {
  it('plan --lang en --help has no Spanish', async () => {
    const run = await runCli(['--lang', 'en', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: plan [options] [command]');
    expect(wordsIn(run.stdout, SPANISH)).toEqual([]);
  });

  it('plan --help has no English', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('Uso: plan [opciones] [comando]');
    expect(wordsIn(run.stdout, ENGLISH)).toEqual([]);
  });

  for (const command of COMMANDS) {
    it(`plan --lang en ${command} --help has no Spanish descriptions`, async () => {
      const run = await runCli(['--lang', 'en', command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: plan /);
      expect(wordsIn(run.stdout, SPANISH)).toEqual([]);
      expect(wordsIn(run.stdout, ENGLISH).length).toBeGreaterThan(0);
    });

    it(`plan ${command} --help has no English descriptions`, async () => {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Uso: plan /);
      expect(wordsIn(run.stdout, ENGLISH)).toEqual([]);
      expect(wordsIn(run.stdout, SPANISH).length).toBeGreaterThan(0);
    });
  }

  it('--lang en placed after the command translates the help too', async () => {
    const run = await runCli(['report', '--help', '--lang', 'en']);
    expect(run.stdout).toContain('Usage: plan report [options]');
  });

  it('Spanish help lists the Spanish option names and names the English ones', async () => {
    const help = (await runCli(['report', '--help'])).stdout;
    expect(optionRow(help, '--trimestre <T>')).toBe('--trimestre <T>  trimestre: T1, T2, T3 o T4 (o bien Q1…Q4); también --quarter');
    expect(optionRow(help, '--anual')).toBe('--anual  evaluación anual del ejercicio; también --annual');
    expect(optionRow(help, '--ejercicio <AAAA>')).toBe('--ejercicio <AAAA>  ejercicio (por omisión: el de plan.yaml); también --year');
    expect(optionRow(help, '--salida <carpeta>')).toBe('--salida <carpeta>  carpeta de salida (por omisión: reportes/ en la raíz del plan); también --out');
    expect(help).not.toMatch(/^ {2}--(quarter|annual|year|out|format) /m);
  });

  it('English help lists the card’s option names and names the Spanish ones', async () => {
    const help = (await runCli(['--lang', 'en', 'report', '--help'])).stdout;
    expect(optionRow(help, '--quarter <Q>')).toBe('--quarter <Q>  quarter: Q1, Q2, Q3 or Q4 (or T1…T4); also --trimestre');
    expect(optionRow(help, '--annual')).toBe('--annual  annual evaluation of the fiscal year; also --anual');
    expect(help).not.toMatch(/^ {2}--(trimestre|anual|ejercicio|salida|formato) /m);
  });
});

describe('unknown commands and options', () => {
  it('suggests the closest command, in Spanish', async () => {
    const run = await runCli(['valdate']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plan: error: comando desconocido «valdate». ¿Quiso decir «validate»?\nConsulte «plan --help».\n' });
  });

  it('suggests the closest command, in English with --lang en', async () => {
    const run = await runCli(['--lang', 'en', 'reprot']);
    expect(run.stderr).toBe('plan: error: unknown command \'reprot\'. Did you mean "report"?\nSee "plan --help".\n');
  });

  it('suggests the closest option of the command, and points at that command’s help', async () => {
    const run = await runCli(['report', '--trimestr', 'T2']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plan: error: opción desconocida «--trimestr». ¿Quiso decir «--trimestre»?\nConsulte «plan report --help».\n' });
  });

  it('suggests an English option name to a typo of it', async () => {
    const run = await runCli(['--lang', 'en', 'report', '--quartr', 'Q2']);
    expect(run.stderr).toBe('plan: error: unknown option \'--quartr\'. Did you mean "--quarter"?\nSee "plan report --help".\n');
  });

  it('suggests a global option from inside a command', async () => {
    const run = await runCli(['rules', '--directori', '.']);
    expect(run.stderr).toBe('plan: error: opción desconocida «--directori». ¿Quiso decir «--directory»?\nConsulte «plan rules --help».\n');
  });

  it('finds the option behind a swapped pair of letters', async () => {
    const run = await runCli(['--lnag', 'en', 'validate']);
    expect(run.stderr).toBe('plan: error: opción desconocida «--lnag». ¿Quiso decir «--lang»?\nConsulte «plan --help».\n');
  });

  it('says nothing more when no name is close', async () => {
    const run = await runCli(['report', '--zzzzzz']);
    expect(run.stderr).toBe('plan: error: opción desconocida «--zzzzzz»\nConsulte «plan report --help».\n');
  });
});

describe('Spanish option names', () => {
  const CUTOFF = ['--fecha-corte', '2019-04-15'];

  it('--anual builds the same evaluation as --annual', async () => {
    const root = writeRepo(baseRepo());
    const spanish = await runCli(['report', '-C', root, '--anual', '--formato', 'md', '--salida', 'es', ...CUTOFF], { cwd: root });
    const english = await runCli(['report', '-C', root, '--annual', '--format', 'md', '--out', 'en', ...CUTOFF], { cwd: root });
    expect(spanish).toMatchObject({ code: 0, stdout: 'Reportes escritos:\n  es/anual-2019.md\n' });
    expect(english.code).toBe(0);
    expect(readFileSync(path.join(root, 'es/anual-2019.md'))).toEqual(readFileSync(path.join(root, 'en/anual-2019.md')));
  });

  it('--trimestre and --ejercicio name the quarter and the year', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--trimestre', 'T1', '--ejercicio', '2019', '--formato', 'md', ...CUTOFF], { cwd: root });
    expect(run.stdout).toBe('Reportes escritos:\n  reportes/trimestral-2019-T1.md\n');
    expect(readdirSync(path.join(root, 'reportes'))).toEqual(['trimestral-2019-T1.md']);
  });

  it('refuses an option given under both of its names', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['report', '-C', root, '--quarter', 'Q1', '--trimestre', 'T2']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'plan: error: «--trimestre» y «--quarter» son la misma opción (en español y en inglés); escriba sólo una.\n' });
  });

  it('plan schema --salida copies the schemas', async () => {
    const root = writeRepo({});
    const run = await runCli(['schema', '--salida', 'esquemas'], { cwd: root });
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(root, 'esquemas'))).toContain('plan.schema.json');
  });

  it('plan validate --salida writes the machine format to a file, -o too', async () => {
    const root = writeRepo(baseRepo());
    const run = await runCli(['validate', '-C', root, '--formato', 'json', '--salida', 'resultado.json', '--fecha-corte', '2019-04-15'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Resultado en formato json escrito en «resultado.json».\n');
    expect(JSON.parse(readFileSync(path.join(root, 'resultado.json'), 'utf8'))).toMatchObject({ diagnostics: [] });
    expect((await runCli(['validate', '-C', root, '-f', 'json', '-o', 'otro.json', '--fecha-corte', '2019-04-15'], { cwd: root })).code).toBe(0);
    expect(readFileSync(path.join(root, 'otro.json'), 'utf8')).toBe(readFileSync(path.join(root, 'resultado.json'), 'utf8'));
  });

  it('plan rules --formato json prints JSON', async () => {
    const run = await runCli(['rules', '--formato', 'json'], { cwd: writeRepo({}) });
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 1, config: null });
  });
});
