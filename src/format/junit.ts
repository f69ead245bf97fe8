import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fill } from '../i18n/text.js';
import { checkoutPath, justificationText, type Formatter, type FormatInput } from './formatter.js';

const T = {
  error: { es: 'error', en: 'error' },
  warning: { es: 'advertencia', en: 'warning' },
  clean: { es: 'Sin problemas en {files} archivo(s)', en: 'No problems in {files} file(s)' },
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

function testcase(d: Diagnostic, input: FormatInput): string {
  const file = checkoutPath(input, d.file);
  const attributes = { name: `${d.rule} ${d.line}:${d.column}`, classname: file };
  if (d.justification) {
    const out = `${justificationText(d.justification, input.lang)}\n${d.message}`;
    return `    ${element('testcase', attributes, element('system-out', {}, text(out)))}\n`;
  }
  const message = `[${T[d.severity][input.lang]}] ${d.message}`;
  const details = [`${file}:${d.line}:${d.column}  ${d.rule}  ${message}`, ...(d.hint ? [`→ ${d.hint}`] : [])].join('\n');
  const failure = element('failure', { type: d.rule, message }, text(details));
  return `    ${element('testcase', attributes, `\n      ${failure}\n    `)}\n`;
}

function suite(name: string, cases: readonly string[], failures: number): string {
  return `  ${element('testsuite', { name, tests: cases.length, failures }, `\n${cases.join('')}  `)}\n`;
}

/**
 * JUnit XML as GitLab and Jenkins read it: one testsuite per file with findings, one testcase
 * per finding. Errors and warnings are both failures (GitLab only lists failures), the
 * severity stated in the message; a justified finding is a passing testcase carrying its
 * reason. A clean run is one passing testcase, so the report is never empty.
 */
export const junit: Formatter = (input) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of byFile) {
    const failed = list.filter((d) => !d.justification).length;
    suites.push(suite(checkoutPath(input, file), list.map((d) => testcase(d, input)), failed));
    tests += list.length;
    failures += failed;
  }
  if (byFile.size === 0) {
    const clean = fill(T.clean[input.lang], { files: input.summary.files });
    suites.push(suite(SUITES, [`    ${element('testcase', { name: clean, classname: SUITES })}\n`], 0));
    tests = 1;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', { name: SUITES, tests, failures }, `\n${suites.join('')}`)}\n`;
};
