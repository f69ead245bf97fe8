// Dates are calendar days (delivery windows, business days, cut-off), never instants: the
// same repository must give the same findings and the same reports on a laptop in Tijuana,
// a CI runner in Frankfurt or one at UTC+14. The built CLI runs as a child process so TZ
// is read at start-up, the way it is in real use.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(PACKAGE, 'bin/plan.js');
const EXAMPLES = path.join(PACKAGE, 'examples');
const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati'];
const CUTOFF = ['--fecha-corte', '2020-01-31'];

async function plan(zone: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, TZ: zone, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Every cell of every sheet, Dates as ISO strings: what a reader of the workbook sees. */
async function workbookValues(file: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).map((v) => (v instanceof Date ? v.toISOString() : v))));
    return { name: sheet.name, rows };
  });
}

describe.skipIf(!existsSync(path.join(PACKAGE, 'dist/cli/main.js')))('results do not depend on the time zone', () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'plan-tz-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the zones really differ on the calendar day at the same instant', () => {
    const instant = new Date(Date.UTC(2020, 0, 31, 11, 0));
    const days = ZONES.map((timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant));
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it('plan validate --format json prints the same findings in every zone', async () => {
    const runs = await Promise.all(ZONES.map((zone) => plan(zone, ['validate', '-C', EXAMPLES, '--format', 'json', ...CUTOFF])));
    expect(runs.map((r) => r.code)).toEqual(ZONES.map(() => runs[0]!.code));
    expect(runs[0]!.code).toBe(0);
    const findings = JSON.parse(runs[0]!.stdout) as unknown;
    expect(JSON.stringify(findings)).toContain('PLAN0');
    for (const [i, zone] of ZONES.entries()) expect(runs[i]!.stdout, zone).toBe(runs[0]!.stdout);
  }, 60_000);

  it('plan report --annual writes byte-identical Markdown in every zone', async () => {
    const outs = ZONES.map((_, i) => path.join(work, `anual-${i}`));
    const runs = await Promise.all(ZONES.map((zone, i) => plan(zone, ['report', '-C', EXAMPLES, '--annual', '--format', 'md', '--out', outs[i]!, ...CUTOFF])));
    for (const [i, zone] of ZONES.entries()) expect(runs[i]!.code, `${zone}: ${runs[i]!.stderr}`).toBe(0);
    const markdown = outs.map((out) => readFileSync(path.join(out, 'anual-2019.md')));
    expect(markdown[0]!.toString('utf8')).toContain('fecha de corte 31/01/2020');
    for (const [i, zone] of ZONES.entries()) expect(markdown[i]!.equals(markdown[0]!), zone).toBe(true);
  }, 60_000);

  it('plan report --quarter Q2 writes the same Markdown and the same workbook dates in every zone', async () => {
    const outs = ZONES.map((_, i) => path.join(work, `trimestral-${i}`));
    const runs = await Promise.all(ZONES.map((zone, i) => plan(zone, ['report', '-C', EXAMPLES, '--quarter', 'Q2', '--out', outs[i]!, ...CUTOFF])));
    for (const [i, zone] of ZONES.entries()) expect(runs[i]!.code, `${zone}: ${runs[i]!.stderr}`).toBe(0);
    const markdown = outs.map((out) => readFileSync(path.join(out, 'trimestral-2019-T2.md'), 'utf8'));
    for (const [i, zone] of ZONES.entries()) expect(markdown[i], zone).toBe(markdown[0]);
    const workbooks = await Promise.all(outs.map((out) => workbookValues(path.join(out, 'trimestral-2019-T2.xlsx'))));
    // A delivery date is midnight UTC of its day in every zone, never the day before.
    expect(JSON.stringify(workbooks[0])).toMatch(/"2019-06-\d\dT00:00:00\.000Z"/);
    for (const [i, zone] of ZONES.entries()) expect(workbooks[i], zone).toEqual(workbooks[0]);
  }, 60_000);
});
