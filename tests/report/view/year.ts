// A year of reports for the base fixture with chosen achieved values: OP-01 M1 (km, programmed
// 2, 3, 3, 2, adding up to 10) and DIF-01 M1 (people, 600 each quarter, last value). A quarter
// whose value is `undefined` has no report. Reports are delivered on time.
import { baseRepo, type Files } from '../../helpers/fixture.js';

const DELIVERED = ['2019-03-27', '2019-06-25', '2019-09-24', '2019-12-24'];

/** After the 2019-T4 window: every quarter of 2019 is due. */
export const AFTER_T4 = '2020-01-15';

export function yearOfReports(op: (number | undefined)[], dif: (number | undefined)[]): Files & Record<string, any> {
  const files: Files & Record<string, any> = baseRepo();
  for (const [clave, values] of [['OP', op], ['DIF', dif]] as const) {
    const t1 = files[`dependencias/${clave}/reportes/2019-T1.yaml`];
    delete files[`dependencias/${clave}/reportes/2019-T1.yaml`];
    values.forEach((valor, i) => {
      if (valor === undefined) return;
      const trimestre = `2019-T${i + 1}`;
      const entry = { ...t1.ppcs[0], avances: [{ ...t1.ppcs[0].avances[0], valor }] };
      files[`dependencias/${clave}/reportes/${trimestre}.yaml`] = { ...t1, trimestre, fecha_entrega: DELIVERED[i], ppcs: [entry] };
    });
  }
  return files;
}
