// Coverage (Calidad y Cobertura) counts each person once; the split by sex (Perspectiva de
// Género) accepts people of unrecorded sex. Figures worked out by hand from
// tests/helpers/fixture.ts.
import { describe, expect, it } from 'vitest';
import { evaluateDepartment } from '../../src/report/metrics/evaluation.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { wholeYear } from '../helpers/whole-year.js';

type Repo = ReturnType<typeof baseRepo>;

function sub(files: Repo, clave: string, criterio: string, id: string, fechaCorte = '2020-01-15') {
  const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte });
  const criterion = evaluateDepartment(model, clave, diagnostics, 2019).criterios.find((c) => c.criterion.clave === criterio)!;
  const s = criterion.subindicadores.find((x) => x.id === id)!;
  return [s.numerador, s.denominador];
}

describe('coverage of the target population in the annual evaluation', () => {
  const servedAtATime = { total: 1300, mujeres: 650, hombres: 650 };

  it('does not add the same people served every quarter: 1,300 of 5,000 is 26 %, under the 50 % minimum', () => {
    // The plain sum, 4 × 1,300 = 5,200, would have reached 100 %.
    expect(sub(wholeYear([servedAtATime, servedAtATime, servedAtATime, servedAtATime]), 'OP', 'calidad_cobertura', 'cobertura')).toEqual([0, 1]);
  });

  it('adds quarters of new people: 4 × 700 = 2,800 of 5,000 reaches the minimum', () => {
    const nuevas = { total: 700, mujeres: 350, hombres: 350, conteo: 'nuevas' };
    expect(sub(wholeYear([nuevas, nuevas, nuevas, nuevas]), 'OP', 'calidad_cobertura', 'cobertura')).toEqual([1, 1]);
  });

  it('takes the year’s unique people when a report gives them: 2,400 of 5,000 falls short', () => {
    const nuevas = { total: 700, mujeres: 350, hombres: 350, conteo: 'nuevas' };
    expect(sub(wholeYear([nuevas, nuevas, nuevas, { ...nuevas, personas_unicas_anio: 2400 }]), 'OP', 'calidad_cobertura', 'cobertura')).toEqual([0, 1]);
  });
});

describe('beneficiaries split by sex in the gender criterion', () => {
  it('counts an entry with women, men and people of unrecorded sex as split', () => {
    const files = baseRepo();
    files['dependencias/DIF/reportes/2019-T1.yaml'].ppcs[0].beneficiarios = { total: 590, mujeres: 300, hombres: 280, no_especificado: 10 };
    expect(sub(files, 'DIF', 'perspectiva_genero', 'datos_por_sexo', '2019-04-15')).toEqual([1, 1]);
  });

  it('does not count an entry whose people all have unrecorded sex', () => {
    const files = baseRepo();
    files['dependencias/DIF/reportes/2019-T1.yaml'].ppcs[0].beneficiarios = { total: 590, no_especificado: 590 };
    expect(sub(files, 'DIF', 'perspectiva_genero', 'datos_por_sexo', '2019-04-15')).toEqual([0, 1]);
  });
});
