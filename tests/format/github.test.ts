import { describe, expect, it } from 'vitest';
import { github } from '../../src/format/github.js';
import { colored, diag, HOSTILE, inputOf, JUSTIFIED_REASON, justifiedPipelineFindings, mixed, pendingPipelineFindings, pipelineFindings } from './sample.js';

/** Undoes GitHub's escaping of command data, as the runner does. */
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** Splits one workflow command the way the runner does: `::name k=v,k=v::data`. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), unescapeProperty(pair.slice(eq + 1))];
    }),
  );
  return { command: match[1]!, properties, message: unescapeData(match[3]!) };
}

describe('github format', () => {
  it('prints one ::error or ::warning command per finding with position, range, rule title and hint', () => {
    expect(github(inputOf(mixed().slice(2)))).toBe(
      '::error file=dependencias/OP/reportes/2019-T1.yaml,line=12,col=24,endLine=12,endColumn=25,title=PLAN020 Avance reportado en una unidad de medida distinta a la de su meta::Avance en «m». (Use «km».)\n' +
        '::warning file=dependencias/OP/reportes/2019-T1.yaml,line=14,col=9,title=PLAN024 Avance imposible o poco creíble::Avance inverosímil.\n',
    );
  });

  it('prints a justified finding as a ::notice with «justificado: motivo», whatever its severity', () => {
    expect(github(inputOf(mixed().slice(0, 2)))).toBe(
      '::notice file=dependencias/DIF/reportes/2019-T1.yaml,line=4,col=16,title=PLAN021 Reporte trimestral entregado fuera de la ventana de entrega::Entregado fuera de la ventana. (justificado: Declaratoria de emergencia por inundación)\n' +
        '::notice file=dependencias/DIF/reportes/2019-T2.yaml,line=1,col=1,title=PLAN022 Falta un reporte trimestral cuya ventana de entrega ya cerró::Falta el reporte 2019-T1. (justificado: Dependencia de nueva creación (aprobó Lic. Marta Ruiz, 02/04/2019))\n',
    );
  });

  it('prints nothing at all for a clean run', () => {
    expect(github(inputOf([]))).toBe('');
  });

  it('uses the English rule title and label with --lang en', () => {
    const out = github(inputOf(mixed().slice(0, 1), { lang: 'en' }));
    expect(out).toBe(
      '::notice file=dependencias/DIF/reportes/2019-T1.yaml,line=4,col=16,title=PLAN021 Quarterly report delivered outside the delivery window::Entregado fuera de la ventana. (justified: Declaratoria de emergencia por inundación)\n',
    );
  });

  it('prefixes files with the plan folder inside the checkout', () => {
    const d = diag({ line: 3, column: 2 });
    const expected = '::error file=municipio/plan/dependencias/OP/reportes/2019-T1.yaml,line=3,col=2,';
    expect(github(inputOf([d], { pathPrefix: 'municipio/plan' }))).toContain(expected);
    expect(github(inputOf([d], { pathPrefix: './municipio/plan/' }))).toContain(expected);
    expect(github(inputOf([d], { pathPrefix: '' }))).toContain('::error file=dependencias/OP/reportes/2019-T1.yaml,');
  });

  it('escapes % CR LF in the message and also : and , in properties, so hostile text cannot break the command', () => {
    const hostile = diag({ message: HOSTILE, hint: 'a:b,c', file: 'dependencias/OP/a:b,c%0A.yaml', rule: 'PLAN999' });
    const out = github(inputOf([hostile]));
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('file=dependencias/OP/a%3Ab%2Cc%250A.yaml,');
    expect(out).toContain('title=PLAN999::');
    expect(out).toContain('a%2525 b%0D%0Ac:d,e');
    const parsed = parseCommand(out.trimEnd());
    expect(parsed).toEqual({
      command: 'error',
      properties: { file: 'dependencias/OP/a:b,c%0A.yaml', line: '1', col: '1', title: 'PLAN999' },
      message: `${HOSTILE} (a:b,c)`,
    });
  });

  it('never colours, whatever Chalk it is given', () => {
    expect(github(inputOf(mixed(), { color: colored }))).toBe(github(inputOf(mixed())));
  });

  it('annotates the real pipeline findings at their file and line', () => {
    const { input } = pipelineFindings();
    const commands = github(input).trimEnd().split('\n').map(parseCommand);
    expect(commands.map((c) => `${c.command} ${c.properties.title!.slice(0, 7)} ${c.properties.file}:${c.properties.line}:${c.properties.col}`)).toEqual([
      'error PLAN020 dependencias/DIF/reportes/2019-T1.yaml:11:24',
      'error PLAN005 dependencias/OP/dependencia.yaml:1:8',
      'warning PLAN021 dependencias/OP/reportes/2019-T1.yaml:3:16',
    ]);
    expect(commands[1]!.message).toBe(
      'La clave «OBRAS» no coincide con la carpeta «dependencias/OP/». (Haga que el contenido y el nombre coincidan: corrija el valor o renombre el archivo.)',
    );
  });

  it('turns a finding Planeación justified in excepciones.yaml into a notice, with who approved it and when', () => {
    const [notice, ...rest] = github(justifiedPipelineFindings().input).trimEnd().split('\n').map(parseCommand);
    expect(rest).toEqual([]);
    expect(notice!.command).toBe('notice');
    expect(notice!.properties).toMatchObject({ file: 'dependencias/DIF/reportes/2019-T1.yaml', line: '12', col: '24' });
    expect(notice!.message.endsWith(`(justificado: ${JUSTIFIED_REASON} (aprobó Lic. Marta Ruiz, 02/04/2019))`)).toBe(true);
  });

  it('keeps a finding a department justified in its own file as an error, with its reason pending approval', () => {
    const [annotation, ...rest] = github(pendingPipelineFindings().input).trimEnd().split('\n').map(parseCommand);
    expect(rest).toEqual([]);
    expect(annotation!.command).toBe('error');
    expect(annotation!.properties).toMatchObject({ file: 'dependencias/DIF/reportes/2019-T1.yaml', line: '12', col: '24' });
    expect(annotation!.message.endsWith(`; pendiente de aprobación: ${JUSTIFIED_REASON} (%s))`.replace('%s', 'sigue contando hasta que Planeación la apruebe en planeacion/excepciones.yaml'))).toBe(true);
  });
});
