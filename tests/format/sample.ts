// Hand-built findings and inputs shared by the formatter tests.
import { Chalk } from 'chalk';
import { compareDiagnostics, summarize, type Diagnostic, type SummaryOptions } from '../../src/diagnostics/diagnostic.js';
import type { Lang } from '../../src/i18n/text.js';
import { RULES, RULES_BY_ID } from '../../src/rules/index.js';
import type { FormatInput } from '../../src/format/formatter.js';
import { baseRepo, render, writeRepo, DEFAULT_CUTOFF, type Files } from '../helpers/fixture.js';
import { validatePlan } from '../../src/validate.js';

export const plain = new Chalk({ level: 0 });
export const colored = new Chalk({ level: 1 });

export function diag(fields: Partial<Diagnostic> = {}): Diagnostic {
  return { rule: 'PLAN020', severity: 'error', message: 'Mensaje.', file: 'dependencias/OP/reportes/2019-T1.yaml', line: 1, column: 1, ...fields };
}

/** Rule titles from the registry, as the CLI passes them to summarize(). */
export function ruleTitle(lang: Lang = 'es'): (rule: string) => string | undefined {
  return (rule) => RULES_BY_ID.get(rule)?.meta.title[lang];
}

export function inputOf(diagnostics: Diagnostic[], fields: Partial<FormatInput> = {}, options: SummaryOptions = {}): FormatInput {
  const lang = fields.lang ?? 'es';
  return { diagnostics, summary: summarize(diagnostics, 8, { ruleTitle: ruleTitle(lang), ...options }), root: '/srv/plan', lang, color: plain, rules: RULES.map((rule) => rule.meta), ...fields };
}

/**
 * Text no report may pass through raw: every character GitHub's commands, XML and JSON
 * treat specially, XML-invalid controls (NUL, BEL, VT, FF, U+FFFE, a lone surrogate),
 * `]]>`, accents and an astral-plane emoji.
 */
export const HOSTILE = 'a%25 b\r\nc:d,e <x>&amp; "q" \'s\' \u0000\u0007\u000b\u000c\uFFFE\uD800 ]]> ñá 😀\ttab';
/** HOSTILE less the characters XML 1.0 cannot carry. */
export const HOSTILE_IN_XML = 'a%25 b\r\nc:d,e <x>&amp; "q" \'s\'  ]]> ñá 😀\ttab';

/**
 * One finding of each kind, sorted as the pipeline sorts them: a justified comment, a
 * justified exception, an error with a range and a warning.
 */
export function mixed(): Diagnostic[] {
  const list: Diagnostic[] = [
    diag({ rule: 'PLAN020', message: 'Avance en «m».', hint: 'Use «km».', file: 'dependencias/OP/reportes/2019-T1.yaml', line: 12, column: 24, endLine: 12, endColumn: 25 }),
    diag({ rule: 'PLAN024', severity: 'warning', message: 'Avance inverosímil.', file: 'dependencias/OP/reportes/2019-T1.yaml', line: 14, column: 9 }),
    diag({
      rule: 'PLAN021',
      severity: 'warning',
      message: 'Entregado fuera de la ventana.',
      hint: 'Entregue dentro de la ventana.',
      file: 'dependencias/DIF/reportes/2019-T1.yaml',
      line: 4,
      column: 16,
      justification: { reason: 'Declaratoria de emergencia por inundación', source: 'comment' },
    }),
    diag({
      rule: 'PLAN022',
      severity: 'error',
      message: 'Falta el reporte 2019-T1.',
      file: 'dependencias/DIF/reportes/2019-T2.yaml',
      line: 1,
      column: 1,
      justification: { reason: 'Dependencia de nueva creación', source: 'file', approvedBy: 'Lic. Marta Ruiz', date: '2019-04-02' },
    }),
  ];
  return list.sort(compareDiagnostics);
}

/** A real run: baseRepo with a wrong unit (PLAN020), a wrong key (PLAN005) and a late report (PLAN021, a warning). */
export function pipelineFindings(): PipelineRun {
  const files = baseRepo();
  files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
  // Wednesday 3 April: three business days after T1's window closed on 29 March.
  files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
  files['dependencias/DIF/reportes/2019-T1.yaml'].ppcs[0].avances[0].unidad_medida = 'km';
  return run(files);
}

export const JUSTIFIED_REASON = 'El padrón se levantó por kilómetro de ruta';

export const APPROVER = 'Lic. Marta Ruiz';

/**
 * A real run whose only finding, PLAN020 at DIF's 2019-T1 line 12, Planeación approved in
 * planeacion/excepciones.yaml (on 2 April 2019).
 */
export function justifiedPipelineFindings(): PipelineRun {
  const files = baseRepo();
  const report = 'dependencias/DIF/reportes/2019-T1.yaml';
  files[report].ppcs[0].avances[0].unidad_medida = 'km';
  files[report] = (render(files[report]) as string).replace(/^( *)unidad_medida: km$/m, `$1# sin justificación aquí\n$&`);
  files['planeacion/excepciones.yaml'] = { excepciones: [{ regla: 'PLAN020', archivo: report, linea: 12, motivo: JUSTIFIED_REASON, aprobo: APPROVER, fecha: '2019-04-02' }] };
  return run(files);
}

/**
 * A real run whose only finding, the same PLAN020 at DIF's 2019-T1 line 12, DIF justified
 * itself with a `# plan-justifica` comment above it: pending Planeación's approval.
 */
export function pendingPipelineFindings(): PipelineRun {
  const files = baseRepo();
  const report = 'dependencias/DIF/reportes/2019-T1.yaml';
  files[report].ppcs[0].avances[0].unidad_medida = 'km';
  files[report] = (render(files[report]) as string).replace(/^( *)unidad_medida: km$/m, `$1# plan-justifica PLAN020: ${JUSTIFIED_REASON}\n$&`);
  return run(files);
}

interface PipelineRun {
  root: string;
  files: Files;
  diagnostics: Diagnostic[];
  input: FormatInput;
}

function run(files: Files): PipelineRun {
  const root = writeRepo(files);
  const result = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
  const input: FormatInput = { diagnostics: result.diagnostics, summary: summarize(result.diagnostics, result.fileCount, { ruleTitle: ruleTitle() }), root, lang: 'es', color: plain, rules: RULES.map((rule) => rule.meta) };
  return { root, files, diagnostics: result.diagnostics, input };
}
