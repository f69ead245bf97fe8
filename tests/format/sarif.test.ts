import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/format/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { colored, diag, HOSTILE, inputOf, JUSTIFIED_REASON, justifiedPipelineFindings, mixed, pendingPipelineFindings, pipelineFindings } from './sample.js';

// Both packages ship CommonJS; under NodeNext their default export is the module object.
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The schema's verdict, with ajv's errors in the failure message when it says no. */
function schemaErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function run(out: string): any {
  const log = JSON.parse(out);
  expect(log.runs).toHaveLength(1);
  return log.runs[0];
}

describe('sarif format', () => {
  it('passes the official SARIF 2.1.0 schema with errors, warnings, justified findings and hostile text', () => {
    const hostile = diag({ message: HOSTILE, hint: HOSTILE, file: `dependencias/OP/${HOSTILE}.yaml`, rule: 'PLAN999' });
    const log = JSON.parse(sarif(inputOf([...mixed(), hostile])));
    expect(schemaErrors(log)).toEqual([]);
  });

  it('passes the schema for a clean run and for the real pipeline findings', () => {
    expect(schemaErrors(JSON.parse(sarif(inputOf([]))))).toEqual([]);
    expect(schemaErrors(JSON.parse(sarif(pipelineFindings().input)))).toEqual([]);
  });

  it('is checked by a schema that does reject a broken log', () => {
    const log = JSON.parse(sarif(inputOf(mixed())));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].originalUriBaseIds['%SRCROOT%'].uri = 'no es una uri';
    expect(schemaErrors(log)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level must be equal to one of the allowed values', '/runs/0/results/1/locations/0/physicalLocation/region/startLine must be >= 1']),
    );
    expect(schemaErrors(log).some((e) => e.startsWith('/runs/0/originalUriBaseIds/%SRCROOT%/uri must match format'))).toBe(true);
  });

  it('names the tool and its version and lists every registered rule with its Spanish texts', () => {
    const log = JSON.parse(sarif(inputOf([])));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'plan', semanticVersion: packageVersion, language: 'es-MX' });
    expect(driver.rules.map((r: any) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    const plan020 = driver.rules.find((r: any) => r.id === 'PLAN020');
    const meta = RULES.find((r) => r.meta.id === 'PLAN020')!.meta;
    expect(plan020).toEqual({
      id: 'PLAN020',
      name: 'avance-reportado-en-una-unidad-de-medida-distinta-a-la-de-su-meta',
      shortDescription: { text: 'Avance reportado en una unidad de medida distinta a la de su meta' },
      fullDescription: { text: meta.rationale },
      help: { text: `${meta.hint.es}\n\n${meta.rationale}` },
      defaultConfiguration: { level: 'error' },
      properties: { criterio: 'seguimiento_retroalimentacion' },
    });
    for (const [index, rule] of RULES.entries()) {
      expect(driver.rules[index].defaultConfiguration.level).toBe(rule.meta.defaultSeverity);
      expect(driver.rules[index].shortDescription.text).toBe(rule.meta.title.es);
      expect(driver.rules[index].name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('gives rule titles and help in English with --lang en; the rationale stays as written', () => {
    const driver = run(sarif(inputOf([], { lang: 'en' }))).tool.driver;
    const plan020 = driver.rules.find((r: any) => r.id === 'PLAN020');
    expect(driver.language).toBe('en-US');
    expect(plan020.shortDescription.text).toBe("Progress reported in a unit other than its meta's");
    expect(plan020.name).toBe('avance-reportado-en-una-unidad-de-medida-distinta-a-la-de-su-meta');
  });

  it('places each result with rule id and index, level, message and a repo-relative location', () => {
    const result = run(sarif(inputOf(mixed())));
    expect(result.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/plan/' } });
    expect(result.columnKind).toBe('utf16CodeUnits');
    const [, , error, warning] = result.results;
    expect(error).toEqual({
      ruleId: 'PLAN020',
      ruleIndex: RULES.findIndex((r) => r.meta.id === 'PLAN020'),
      level: 'error',
      message: { text: 'Avance en «m». (Use «km».)' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'dependencias/OP/reportes/2019-T1.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 24, endLine: 12, endColumn: 25 },
          },
        },
      ],
    });
    expect(warning).toMatchObject({ ruleId: 'PLAN024', level: 'warning', message: { text: 'Avance inverosímil.' } });
    expect(warning.locations[0].physicalLocation.region).toEqual({ startLine: 14, startColumn: 9 });
    for (const r of result.results) expect(result.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('marks justified findings as accepted suppressions: inSource for a comment, external for excepciones.yaml', () => {
    const [comment, file, error] = run(sarif(inputOf(mixed()))).results;
    expect(comment).toMatchObject({ ruleId: 'PLAN021', level: 'warning' });
    expect(comment.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Declaratoria de emergencia por inundación' }]);
    expect(file).toMatchObject({ ruleId: 'PLAN022', level: 'error' });
    expect(file.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Dependencia de nueva creación', properties: { approvedBy: 'Lic. Marta Ruiz', date: '2019-04-02' } },
    ]);
    expect(error.suppressions).toBeUndefined();
  });

  it('resolves paths from the checkout root when the plan lives in a subfolder', () => {
    const result = run(sarif(inputOf([diag()], { root: '/srv/repo/municipio/plan', pathPrefix: 'municipio/plan' })));
    expect(result.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///srv/repo/');
    expect(result.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('municipio/plan/dependencias/OP/reportes/2019-T1.yaml');
  });

  it('percent-encodes file names into valid URI references that decode back', () => {
    const name = 'dependencias/OP/ppcs/Año #1 100%.yaml';
    const result = run(sarif(inputOf([diag({ file: name })])));
    const uri: string = result.results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('dependencias/OP/ppcs/A%C3%B1o%20%231%20100%25.yaml');
    expect(decodeURIComponent(uri)).toBe(name);
  });

  it('keeps hostile message text exactly, and an unknown rule id without a rule index', () => {
    const hostile = diag({ message: HOSTILE, rule: 'PLAN999' });
    const [result] = run(sarif(inputOf([hostile]))).results;
    expect(result.message.text).toBe(HOSTILE);
    expect(result.ruleId).toBe('PLAN999');
    expect(result.ruleIndex).toBeUndefined();
  });

  it('never colours, whatever Chalk it is given', () => {
    expect(sarif(inputOf(mixed(), { color: colored }))).toBe(sarif(inputOf(mixed())));
  });

  it('reports the real pipeline findings at their files and lines, without repeating the rule hint', () => {
    const { input } = pipelineFindings();
    const result = run(sarif(input));
    expect(
      result.results.map((r: any) => `${r.ruleId} ${r.level} ${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`),
    ).toEqual([
      'PLAN020 error dependencias/DIF/reportes/2019-T1.yaml:11',
      'PLAN005 error dependencias/OP/dependencia.yaml:1',
      'PLAN021 warning dependencias/OP/reportes/2019-T1.yaml:3',
    ]);
    expect(result.results[0].message.text).toBe(input.diagnostics[0]!.message);
    expect(result.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${new URL(`file://${input.root}`).href}/`);
  });

  it('suppresses externally a finding Planeación justified in excepciones.yaml, and stays schema-valid', () => {
    const log = JSON.parse(sarif(justifiedPipelineFindings().input));
    expect(schemaErrors(log)).toEqual([]);
    const [result] = log.runs[0].results;
    expect(result).toMatchObject({
      ruleId: 'PLAN020',
      level: 'error',
      suppressions: [{ kind: 'external', status: 'accepted', justification: JUSTIFIED_REASON, properties: { approvedBy: 'Lic. Marta Ruiz', date: '2019-04-02' } }],
    });
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 12, startColumn: 24 });
  });

  it('gives a finding a department justified in its own file an in-source suppression under review, and stays schema-valid', () => {
    const log = JSON.parse(sarif(pendingPipelineFindings().input));
    expect(schemaErrors(log)).toEqual([]);
    const [result] = log.runs[0].results;
    expect(result).toMatchObject({ ruleId: 'PLAN020', level: 'error', suppressions: [{ kind: 'inSource', status: 'underReview', justification: JUSTIFIED_REASON }] });
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 12, startColumn: 24 });
  });
});
