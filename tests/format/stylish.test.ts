import { describe, expect, it } from 'vitest';
import { compareDiagnostics, summarize } from '../../src/diagnostics/diagnostic.js';
import { stylish } from '../../src/format/stylish.js';
import { colored, diag, inputOf, justifiedPipelineFindings, mixed, pendingPipelineFindings, pipelineFindings, ruleTitle } from './sample.js';

const ESC = '\u001b[';

describe('stylish format', () => {
  it('groups findings by file with aligned position, severity, message, rule and hint', () => {
    const out = stylish(inputOf(mixed().slice(2)));
    expect(out).toBe(
      [
        'dependencias/OP/reportes/2019-T1.yaml',
        '  12:24  error        Avance en «m».  PLAN020',
        '                      → Use «km».',
        '  14:9   advertencia  Avance inverosímil.  PLAN024',
        '',
        'Errores  Advertencias  Regla',
        '      1             0  PLAN020  Avance reportado en una unidad de medida distinta a la de su meta',
        '      0             1  PLAN024  Avance imposible o poco creíble',
        '',
        'Errores  Advertencias  Dependencia',
        '      1             1  OP',
        '',
        '✖ 2 problema(s): 1 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s).',
        '',
      ].join('\n'),
    );
  });

  it('prints the clean summary when there is nothing to show', () => {
    expect(stylish(inputOf([]))).toBe('✔ Sin problemas en 8 archivo(s).\n');
  });

  it('speaks English with --lang en', () => {
    const out = stylish(inputOf([diag({ severity: 'warning', line: 3, column: 5 })], { lang: 'en' }));
    expect(out).toBe(
      [
        'dependencias/OP/reportes/2019-T1.yaml',
        '  3:5  warning  Mensaje.  PLAN020',
        '',
        'Errors  Warnings  Rule',
        '     0         1  PLAN020  Progress reported in a unit other than its meta\'s',
        '',
        'Errors  Warnings  Department',
        '     0         1  OP',
        '',
        '✖ 1 problem(s): 0 error(s) and 1 warning(s) in 8 checked file(s).',
        '',
      ].join('\n'),
    );
  });

  it('shows a justified finding labelled «justificado» with its reason on the hint line, and counts it apart', () => {
    const out = stylish(inputOf(mixed()));
    expect(out).toBe(
      [
        'dependencias/DIF/reportes/2019-T1.yaml',
        '  4:16  justificado  Entregado fuera de la ventana.  PLAN021',
        '                     → Declaratoria de emergencia por inundación',
        '',
        'dependencias/DIF/reportes/2019-T2.yaml',
        '  1:1  justificado  Falta el reporte 2019-T1.  PLAN022',
        '                    → Dependencia de nueva creación (aprobó Lic. Marta Ruiz, 02/04/2019)',
        '',
        'dependencias/OP/reportes/2019-T1.yaml',
        '  12:24  error        Avance en «m».  PLAN020',
        '                      → Use «km».',
        '  14:9   advertencia  Avance inverosímil.  PLAN024',
        '',
        'Errores  Advertencias  Justificados  Regla',
        '      1             0             0  PLAN020  Avance reportado en una unidad de medida distinta a la de su meta',
        '      0             0             1  PLAN021  Reporte trimestral entregado fuera de la ventana de entrega',
        '      0             0             1  PLAN022  Falta un reporte trimestral cuya ventana de entrega ya cerró',
        '      0             1             0  PLAN024  Avance imposible o poco creíble',
        '',
        'Errores  Advertencias  Justificados  Dependencia',
        '      0             0             2  DIF',
        '      1             1             0  OP',
        '',
        '✖ 2 problema(s): 1 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s), 2 justificado(s).',
        '',
      ].join('\n'),
    );
  });

  it('adds the justified count to the clean summary when every finding is justified', () => {
    const justified = mixed().slice(0, 2);
    expect(stylish(inputOf(justified)).split('\n').at(-2)).toBe('✔ Sin problemas en 8 archivo(s), 2 justificado(s).');
    expect(stylish(inputOf(justified, { lang: 'en' })).split('\n').at(-2)).toBe('✔ No problems in 8 file(s), 2 justified.');
  });

  it('writes no escape codes with a colourless Chalk', () => {
    expect(stylish(inputOf(mixed()))).not.toContain(ESC);
  });

  it('colours errors red, warnings yellow, hints cyan and dims justified findings whole', () => {
    const out = stylish(inputOf(mixed(), { color: colored }));
    expect(out).toContain(`${colored.red('error      ')}  Avance en «m».  ${colored.dim('PLAN020')}`);
    expect(out).toContain(colored.yellow('advertencia'));
    expect(out).toContain(colored.cyan('→ Use «km».'));
    expect(out).toContain(`  ${colored.dim('4:16  justificado  Entregado fuera de la ventana.  PLAN021')}\n`);
    expect(out).toContain(colored.dim('→ Declaratoria de emergencia por inundación'));
    expect(out).toContain(colored.underline('dependencias/OP/reportes/2019-T1.yaml'));
    expect(out.trimEnd().split('\n').at(-1)).toBe(colored.red.bold('✖ 2 problema(s): 1 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s), 2 justificado(s).'));
  });

  it('paints the summary yellow when there are only warnings and green when clean', () => {
    const warnings = [diag({ severity: 'warning' })];
    expect(stylish(inputOf(warnings, { color: colored })).trimEnd().split('\n').at(-1)).toBe(
      colored.yellow.bold('✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 8 archivo(s) revisado(s).'),
    );
    expect(stylish(inputOf([], { color: colored }))).toBe(`${colored.green('✔ Sin problemas en 8 archivo(s).')}\n`);
  });

  it('renders the real pipeline findings of a fixture repo, one group per file in order', () => {
    const { input } = pipelineFindings();
    const out = stylish(input);
    const headers = out.split('\n').filter((line) => line.startsWith('dependencias/'));
    expect(headers).toEqual(['dependencias/DIF/reportes/2019-T1.yaml', 'dependencias/OP/dependencia.yaml', 'dependencias/OP/reportes/2019-T1.yaml']);
    expect(out).toContain('  11:24  error  El avance de la meta «M1» del PPCS «DIF-01» está en «km» (Kilómetro)');
    expect(out).toContain('  1:8  error  La clave «OBRAS» no coincide con la carpeta «dependencias/OP/».  PLAN005');
    expect(out.split('\n').slice(-11)).toEqual([
      'Errores  Advertencias  Regla',
      '      1             0  PLAN005  Clave o trimestre distinto del nombre de su carpeta o archivo',
      '      1             0  PLAN020  Avance reportado en una unidad de medida distinta a la de su meta',
      '      0             1  PLAN021  Reporte trimestral entregado fuera de la ventana de entrega',
      '',
      'Errores  Advertencias  Dependencia',
      '      1             0  DIF',
      '      1             1  OP',
      '',
      `✖ 3 problema(s): 2 error(es) y 1 advertencia(s) en ${input.summary.files} archivo(s) revisado(s).`,
      '',
    ]);
    expect(summarize(input.diagnostics, input.summary.files, { ruleTitle: ruleTitle() })).toEqual(input.summary);
  });

  it('shows a finding Planeación justified in excepciones.yaml, with who approved it, and reports the repo clean', () => {
    const { input } = justifiedPipelineFindings();
    const out = stylish(input).split('\n');
    expect(out[0]).toBe('dependencias/DIF/reportes/2019-T1.yaml');
    expect(out[1]).toMatch(/^ {2}12:24 {2}justificado {2}El avance de la meta «M1» del PPCS «DIF-01» está en «km» .* {2}PLAN020$/);
    expect(out[2]).toBe(`${' '.repeat(2 + 5 + 2 + 11 + 2)}→ El padrón se levantó por kilómetro de ruta (aprobó Lic. Marta Ruiz, 02/04/2019)`);
    expect(out.at(-2)).toBe(`✔ Sin problemas en ${input.summary.files} archivo(s), 1 justificado(s).`);
  });

  it('shows a finding a department justified in its own file as the error it still is, with the reason pending approval', () => {
    const { input } = pendingPipelineFindings();
    const out = stylish(input).split('\n');
    expect(out[1]).toMatch(/^ {2}12:24 {2}error {2}El avance de la meta «M1» del PPCS «DIF-01» está en «km» .* {2}PLAN020$/);
    expect(out[3]).toBe(`${' '.repeat(2 + 5 + 2 + 5 + 2)}→ pendiente de aprobación: El padrón se levantó por kilómetro de ruta (sigue contando hasta que Planeación la apruebe en planeacion/excepciones.yaml)`);
    expect(out.at(-2)).toBe(`✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en ${input.summary.files} archivo(s) revisado(s), 1 con justificación pendiente de aprobación.`);
  });

  it('counts Planeación’s files apart and lists them after the departments', () => {
    const findings = [
      diag({ rule: 'PLAN025', severity: 'warning', file: 'planeacion/retroalimentacion/2019-T2.yaml' }),
      diag({ rule: 'PLAN002', file: 'plan.yaml' }),
      diag({ rule: 'PLAN012', file: 'catalogos/unidades-de-medida.yaml' }),
      diag({ rule: 'PLAN022', severity: 'warning', file: 'dependencias/SSP/reportes/2019-T4.yaml' }),
      diag({ rule: 'PLAN021', severity: 'warning', file: 'dependencias/DIF/reportes/2019-T2.yaml' }),
    ].sort(compareDiagnostics);
    const out = stylish(inputOf(findings)).split('\n');
    expect(out.slice(out.indexOf('Errores  Advertencias  Dependencia'), -3)).toEqual([
      'Errores  Advertencias  Dependencia',
      '      0             1  DIF',
      '      0             1  SSP',
      '      2             1  Planeación',
    ]);
  });

  it('shows the rule id alone when no title was passed in', () => {
    const findings = [diag()];
    const out = stylish({ ...inputOf(findings), summary: summarize(findings, 8) });
    expect(out).toContain('\nErrores  Advertencias  Regla\n      1             0  PLAN020\n');
  });

  it('paints counts above zero red or yellow and dims the zeros', () => {
    const out = stylish(inputOf(mixed().slice(2), { color: colored }));
    expect(out).toContain(`${colored.bold('Errores  Advertencias  Regla')}\n${colored.red('      1')}  ${colored.dim('           0')}  PLAN020  `);
    expect(out).toContain(`${colored.dim('      0')}  ${colored.yellow('           1')}  PLAN024  `);
  });
});

describe('stylish summary line', () => {
  it('says how many warnings --quiet hid when there is no error', () => {
    expect(stylish(inputOf([], {}, { hiddenWarnings: 18 }))).toBe('✔ Sin errores en 8 archivo(s); se ocultaron 18 advertencias (quite -q para verlas).\n');
  });

  it('uses the singular for one hidden warning, in both languages', () => {
    expect(stylish(inputOf([], {}, { hiddenWarnings: 1 }))).toBe('✔ Sin errores en 8 archivo(s); se ocultó 1 advertencia (quite -q para verla).\n');
    expect(stylish(inputOf([], { lang: 'en' }, { hiddenWarnings: 1 }))).toBe('✔ No errors in 8 file(s); 1 warning hidden (drop -q to see it).\n');
    expect(stylish(inputOf([], { lang: 'en' }, { hiddenWarnings: 3 }))).toBe('✔ No errors in 8 file(s); 3 warnings hidden (drop -q to see them).\n');
  });

  it('counts the errors and names the hidden warnings when --quiet left errors', () => {
    const out = stylish(inputOf([diag(), diag({ line: 5 })], {}, { hiddenWarnings: 18 }));
    expect(out.split('\n').at(-2)).toBe('✖ 2 error(es) en 8 archivo(s) revisado(s); se ocultaron 18 advertencias (quite -q para verlas).');
    expect(stylish(inputOf([diag()], { lang: 'en' }, { hiddenWarnings: 2 })).split('\n').at(-2)).toBe('✖ 1 error(s) in 8 checked file(s); 2 warnings hidden (drop -q to see them).');
  });

  it('keeps the justified count before the hidden warnings', () => {
    const justified = mixed().slice(0, 2);
    expect(stylish(inputOf(justified, {}, { hiddenWarnings: 4 })).split('\n').at(-2)).toBe('✔ Sin errores en 8 archivo(s), 2 justificado(s); se ocultaron 4 advertencias (quite -q para verlas).');
  });

  it('names the department the report was narrowed to', () => {
    const scope = { scope: { dependencia: 'OP' } };
    expect(stylish(inputOf([], {}, scope))).toBe('✔ Sin problemas en 8 archivo(s) de la dependencia OP.\n');
    expect(stylish(inputOf([diag({ severity: 'warning' })], {}, scope)).split('\n').at(-2)).toBe('✖ 1 problema(s): 0 error(es) y 1 advertencia(s) en 8 archivo(s) de la dependencia OP.');
    expect(stylish(inputOf([], { lang: 'en' }, scope))).toBe('✔ No problems in 8 file(s) of department OP.\n');
  });

  it('names the paths the report was narrowed to, with the department when both narrow it', () => {
    expect(stylish(inputOf([], {}, { scope: { paths: ['dependencias/OP/reportes/'] } }))).toBe('✔ Sin problemas en 8 archivo(s) de «dependencias/OP/reportes/».\n');
    expect(stylish(inputOf([], {}, { scope: { paths: ['plan.yaml', 'catalogos/', 'planeacion/'] } }))).toBe('✔ Sin problemas en 8 archivo(s) de «plan.yaml», «catalogos/» y «planeacion/».\n');
    expect(stylish(inputOf([diag()], {}, { scope: { dependencia: 'OP', paths: ['dependencias/OP/reportes/'] } })).split('\n').at(-2)).toBe(
      '✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 8 archivo(s) de «dependencias/OP/reportes/» (dependencia OP).',
    );
    expect(stylish(inputOf([], { lang: 'en' }, { scope: { paths: ['plan.yaml', 'catalogos/'] } }))).toBe('✔ No problems in 8 file(s) in "plan.yaml" and "catalogos/".\n');
  });

  it('names the scope and the hidden warnings together', () => {
    expect(stylish(inputOf([], {}, { scope: { dependencia: 'SSP' }, hiddenWarnings: 5 }))).toBe('✔ Sin errores en 8 archivo(s) de la dependencia SSP; se ocultaron 5 advertencias (quite -q para verlas).\n');
  });
});
