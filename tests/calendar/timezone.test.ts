// The calendar works on calendar days, never instants: the machine's time zone must not
// move a window by a day. TZ is read once per process, so each zone runs in its own
// Node process against the built module (`npm test` builds dist/ first via pretest).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const built = fileURLToPath(new URL('../../dist/calendar/business-days.js', import.meta.url));

const script = `
import { BusinessCalendar } from ${JSON.stringify(pathToFileURL(built).href)};
const calendar = new BusinessCalendar({ federal: true, extraNonWorkingDays: ['2019-06-28'], windowLength: 5 });
const out = {};
for (const year of [2019, 2024]) {
  for (const quarter of ['T1', 'T2', 'T3', 'T4']) out[year + '-' + quarter] = calendar.deliveryWindow(year, quarter).days;
}
out.tarde = calendar.timing('2019-04-03', calendar.deliveryWindow(2019, 'T1'));
out.anticipado = calendar.timing('2019-03-15', calendar.deliveryWindow(2019, 'T1'));
out.oct1 = calendar.isBusinessDay('2024-10-01');
process.stdout.write(JSON.stringify(out));
`;

function windowsIn(tz: string): unknown {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  return JSON.parse(output);
}

describe.skipIf(!existsSync(built))('delivery windows do not depend on the time zone', () => {
  let utc: unknown;
  beforeAll(() => {
    utc = windowsIn('UTC');
  });

  it('gives the 2019 Q1 window as 25–29 March in UTC', () => {
    expect((utc as Record<string, string[]>)['2019-T1']).toEqual(['2019-03-25', '2019-03-26', '2019-03-27', '2019-03-28', '2019-03-29']);
  });

  it.each(['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati', 'America/Mexico_City'])('gives the same windows and timings in %s as in UTC', (tz) => {
    expect(windowsIn(tz)).toEqual(utc);
  });
});
