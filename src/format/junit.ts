import { isExcused, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fill } from '../i18n/text.js';
import { approval, checkoutPath, groupBy, hiddenText, justificationText, scopeText, type Formatter, type FormatInput } from './formatter.js';

const TEXT = {
  error: { es: 'error', en: 'error' },
  warning: { es: 'advertencia', en: 'warning' },
  justified: { es: 'justificado', en: 'justified' },
  clean: { es: 'Sin problemas en {files} archivo(s){scope}', en: 'No problems in {files} file(s){scope}' },
  cleanHidden: { es: 'Sin errores en {files} archivo(s){scope}; {hidden}', en: 'No errors in {files} file(s){scope}; {hidden}' },
  more: { es: '{message} (y {count} más)', en: '{message} (and {count} more)' },
} as const;

const SUITES = 'plan validate';

// XML 1.0 § 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is one code point outside every range, so it goes too.
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: `]]>` cannot appear raw, hence `>` too; a CR as a reference, or parsers turn it into LF. */
function text(value: string): string {
  return value.replace(INVALID_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values: quotes, and whitespace as references so attribute normalisation keeps it. */
function attr(value: string | number): string {
  return text(String(value))
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function element(name: string, attributes: Record<string, string | number>, body?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${attr(value)}"`)
    .join('');
  return body === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
}

/** `archivo:línea:columna  REGLA  [severidad] mensaje`, the hint or the justification below; a pending one below the hint. */
function findingText(d: Diagnostic, input: FormatInput): string {
  const where = `${checkoutPath(input, d.file)}:${d.line}:${d.column}  ${d.rule}`;
  if (isExcused(d)) return `${where}  [${TEXT.justified[input.lang]}] ${d.message}\n→ ${d.justification.reason}${approval(d.justification, input.lang)}`;
  return [
    `${where}  [${TEXT[d.severity][input.lang]}] ${d.message}`,
    ...(d.hint ? [`→ ${d.hint}`] : []),
    ...(d.justification ? [`→ ${justificationText(d.justification, input.lang)}`] : []),
  ].join('\n');
}

/**
 * One rule's findings in one file. Its errors make it fail; warnings and justified findings
 * ride along as system-out on a case that passes, so a warning never turns GitLab's test
 * tab red. The name, `PLAN021 Título`, names the finding without opening the case; a case
 * that only carries warnings says so in its name, because GitLab shows no system-out for a
 * passing case.
 */
function testcase(file: string, rule: string, list: readonly Diagnostic[], input: FormatInput, titles: ReadonlyMap<string, string>): { xml: string; failed: boolean } {
  const path = checkoutPath(input, file);
  // An error whose justification awaits Planeación's approval still fails.
  const errors = list.filter((d) => d.severity === 'error' && !isExcused(d));
  const others = list.filter((d) => !errors.includes(d));
  const title = titles.get(rule);
  const state = errors.length > 0 ? '' : others.some((d) => !isExcused(d)) ? ` (${TEXT.warning[input.lang]})` : ` (${TEXT.justified[input.lang]})`;
  const attributes = { name: `${title ? `${rule} ${title}` : rule}${state}`, classname: path, file: path };
  const body: string[] = [];
  if (errors.length > 0) {
    const first = `[${TEXT.error[input.lang]}] ${errors[0]!.message}`;
    const message = errors.length === 1 ? first : fill(TEXT.more[input.lang], { message: first, count: errors.length - 1 });
    body.push(element('failure', { type: rule, message }, text(errors.map((d) => findingText(d, input)).join('\n'))));
  }
  if (others.length > 0) body.push(element('system-out', {}, text(others.map((d) => findingText(d, input)).join('\n'))));
  return { xml: `    ${element('testcase', attributes, `\n${body.map((b) => `      ${b}\n`).join('')}    `)}\n`, failed: errors.length > 0 };
}

function suite(name: string, cases: readonly string[], failures: number): string {
  return `  ${element('testsuite', { name, tests: cases.length, failures }, `\n${cases.join('')}  `)}\n`;
}

/**
 * JUnit XML as GitLab and Jenkins read it: one testsuite per file with findings, one testcase
 * per rule in that file. Only errors are failures, so a pipeline that passes shows no failed
 * test; warnings are passing cases with the findings in system-out (Jenkins shows it; GitLab
 * shows the name). A case per rule rather than per finding keeps its name stable when lines
 * move, so GitLab's comparison with the target branch reports new and fixed failures, not
 * renamed ones. A clean run is one passing testcase, so the report is never empty.
 */
export const junit: Formatter = (input) => {
  const titles = new Map(input.summary.byRule.map((r) => [r.rule, r.title]));
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of groupBy(input.diagnostics, (d) => d.file)) {
    const cases = [...groupBy(list, (d) => d.rule)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, findings]) => testcase(file, rule, findings, input, titles));
    const failed = cases.filter((c) => c.failed).length;
    suites.push(suite(checkoutPath(input, file), cases.map((c) => c.xml), failed));
    tests += cases.length;
    failures += failed;
  }
  if (suites.length === 0) {
    const hidden = hiddenText(input.summary, input.lang);
    const clean = fill((hidden ? TEXT.cleanHidden : TEXT.clean)[input.lang], { files: input.summary.files, scope: scopeText(input.summary.scope, input.lang), hidden });
    suites.push(suite(SUITES, [`    ${element('testcase', { name: clean, classname: SUITES })}\n`], 0));
    tests = 1;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', { name: SUITES, tests, failures }, `\n${suites.join('')}`)}\n`;
};
