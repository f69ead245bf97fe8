import { describe, expect, it } from 'vitest';
import { PLAN015 } from '../../src/rules/PLAN015-meta-ajustada-sin-aprobar.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const APPROVED = { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2019-07-15', motivo: 'Recorte presupuestal de julio.' };

describe('PLAN015 meta_ajustada without Planeación’s approval', () => {
  it('accepts metas without an adjusted goal', () => {
    expect(checkRule(PLAN015, baseRepo())).toEqual([]);
  });

  it('accepts an adjusted goal approved in «ajuste»', () => {
    const files = baseRepo();
    Object.assign(files[OP01].metas[0], { meta_ajustada: 3, ajuste: APPROVED });
    expect(checkRule(PLAN015, files)).toEqual([]);
  });

  it('warns on meta_ajustada without «ajuste», saying it does not apply until Planeación approves it', () => {
    const files = baseRepo();
    files[OP01].metas[0].meta_ajustada = 3;
    const diagnostics = checkRule(PLAN015, files);
    expect(where(diagnostics)).toEqual([`PLAN015 ${OP01}:${lineOf(files, OP01, 'meta_ajustada:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La meta ajustada 3 de la meta «M1» del PPCS «OP-01» no tiene la aprobación de Planeación («ajuste.aprobo»): no se aplica hasta que Planeación la apruebe; el semáforo y el avance siguen midiendo contra la meta anual 10.',
    );
    expect(diagnostics[0]!.hint).toBe(
      'Si Planeación aprobó el ajuste, agregue junto a «meta_ajustada» el bloque «ajuste» con «aprobo» (nombre y cargo) y «fecha» (AAAA-MM-DD); si no, quite «meta_ajustada».',
    );
  });

  it('warns in English with --lang en', () => {
    const files = baseRepo();
    files[OP01].metas[0].meta_ajustada = 3;
    const [finding] = checkRule(PLAN015, files, { lang: 'en' });
    expect(finding!.message).toBe(
      'Adjusted target 3 of meta «M1» of PPCS «OP-01» has no approval from Planeación ("ajuste.aprobo"): it does not apply until Planeación approves it; the semáforo and progress keep measuring against the annual target 10.',
    );
  });

  it('treats an «aprobo» of blanks as no approval', () => {
    const files = baseRepo();
    Object.assign(files[OP01].metas[0], { meta_ajustada: 3, ajuste: { ...APPROVED, aprobo: '   ' } });
    expect(where(checkRule(PLAN015, files))).toEqual([`PLAN015 ${OP01}:${lineOf(files, OP01, 'meta_ajustada:')}`]);
  });

  it('rejects an «ajuste» without «fecha» by schema (PLAN002)', () => {
    const files = baseRepo();
    Object.assign(files[OP01].metas[0], { meta_ajustada: 3, ajuste: { aprobo: APPROVED.aprobo } });
    expect(checkRule(PLAN015, files).map((d) => d.rule)).toContain('PLAN002');
  });
});
