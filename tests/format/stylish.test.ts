import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/diagnostics/diagnostic.js';
import { stylish } from '../../src/format/stylish.js';
import { colored, diag, inputOf, justifiedPipelineFindings, mixed, pipelineFindings } from './sample.js';

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
      ['dependencias/OP/reportes/2019-T1.yaml', '  3:5  warning  Mensaje.  PLAN020', '', '✖ 1 problem(s): 0 error(s) and 1 warning(s) in 8 checked file(s).', ''].join('\n'),
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
    expect(headers).toEqual(['dependencias/DIF/reportes/2019-T1.yaml', 'dependencias/OP/dependencia.yaml', 'dependencias/OP/reporte/2019-T2.yaml']);
    expect(out).toContain('  11:24  error  El avance de la meta «M1» del PPCS «DIF-01» está en «km» (Kilómetro)');
    expect(out).toContain('  1:8  error  La clave «OBRAS» no coincide con la carpeta «dependencias/OP/».  PLAN005');
    expect(out.trimEnd().split('\n').at(-1)).toBe(`✖ 3 problema(s): 2 error(es) y 1 advertencia(s) en ${input.summary.files} archivo(s) revisado(s).`);
    expect(summarize(input.diagnostics, input.summary.files)).toEqual(input.summary);
  });

  it('shows a finding justified by a real `# plan-justifica` comment and reports the repo clean', () => {
    const { input } = justifiedPipelineFindings();
    const out = stylish(input).split('\n');
    expect(out[0]).toBe('dependencias/DIF/reportes/2019-T1.yaml');
    expect(out[1]).toMatch(/^ {2}12:24 {2}justificado {2}El avance de la meta «M1» del PPCS «DIF-01» está en «km» .* {2}PLAN020$/);
    expect(out[2]).toBe(`${' '.repeat(2 + 5 + 2 + 11 + 2)}→ El padrón se levantó por kilómetro de ruta`);
    expect(out.at(-2)).toBe(`✔ Sin problemas en ${input.summary.files} archivo(s), 1 justificado(s).`);
  });
});
