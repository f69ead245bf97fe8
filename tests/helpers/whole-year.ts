// A whole year of reports for the base fixture: its 2019-T1 reports delivered again for every
// quarter of 2019, on time, with OP-01's beneficiaries set quarter by quarter, for tests of
// how people add up over a year (coverage, the annual beneficiaries table).
import { baseRepo, type Files } from './fixture.js';

const DELIVERED = ['2019-03-27', '2019-06-25', '2019-09-24', '2019-12-24'];

/** OP and DIF report every quarter of 2019 like T1; OP's OP-01 entry has `op01[i]` as the beneficiaries of quarter i + 1. */
export function wholeYear(op01: object[]): Files & Record<string, any> {
  const files: Files & Record<string, any> = baseRepo();
  for (const clave of ['OP', 'DIF']) {
    const t1 = files[`dependencias/${clave}/reportes/2019-T1.yaml`];
    DELIVERED.forEach((fecha_entrega, i) => {
      const trimestre = `2019-T${i + 1}`;
      const ppcs = clave === 'OP' ? [{ ...t1.ppcs[0], beneficiarios: op01[i] }] : t1.ppcs;
      files[`dependencias/${clave}/reportes/${trimestre}.yaml`] = { ...t1, trimestre, fecha_entrega, ppcs };
    });
  }
  return files;
}
