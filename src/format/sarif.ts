import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/text.js';
import { packageInfo } from '../io/package-files.js';
import { checkoutPath, normalizePrefix, type Formatter, type FormatInput, type RuleInfo } from './formatter.js';

const SRCROOT = '%SRCROOT%';

/** `unidad-de-medida-distinta…` from the Spanish title: an identifier-like, non-localised name. */
function slug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function reportingDescriptor(meta: RuleInfo, lang: Lang) {
  return {
    id: meta.id,
    name: slug(meta.title.es),
    shortDescription: { text: meta.title[lang] },
    fullDescription: { text: meta.rationale },
    help: { text: `${meta.hint[lang]}\n\n${meta.rationale}` },
    defaultConfiguration: { level: meta.defaultSeverity },
    ...(meta.criterio ? { properties: { criterio: meta.criterio } } : {}),
  };
}

// encodeURIComponent throws on a lone surrogate; a file name can only carry one by accident.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** SARIF URIs are URI references: each path segment percent-encoded (spaces, accents, `#`). */
function uriOf(input: FormatInput, file: string): string {
  return checkoutPath(input, file)
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
}

/** The checkout's root as a file URL with a trailing slash: the plan root, less the prefix. */
function srcRoot(input: FormatInput): string {
  const up = normalizePrefix(input.pathPrefix).split('/').filter(Boolean).map(() => '..');
  const href = pathToFileURL(path.resolve(input.root, ...up)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function region(d: Diagnostic) {
  if (d.line < 1) return undefined;
  return {
    startLine: d.line,
    ...(d.column > 0 ? { startColumn: d.column } : {}),
    ...(d.endLine !== undefined && d.endLine >= d.line ? { endLine: d.endLine } : {}),
    ...(d.endLine !== undefined && d.endColumn !== undefined && d.endColumn > 0 ? { endColumn: d.endColumn } : {}),
  };
}

function result(d: Diagnostic, input: FormatInput, ruleIndex: ReadonlyMap<string, number>) {
  const index = ruleIndex.get(d.rule);
  const meta = index === undefined ? undefined : input.rules[index];
  // The rule's general hint is already in its help; a finding-specific one belongs in the message.
  const ownHint = d.hint !== undefined && d.hint !== meta?.hint[input.lang];
  const where = region(d);
  return {
    ruleId: d.rule,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: d.severity,
    message: { text: ownHint ? `${d.message} (${d.hint})` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(input, d.file), uriBaseId: SRCROOT },
          ...(where ? { region: where } : {}),
        },
      },
    ],
    ...(d.justification
      ? {
          suppressions: [
            {
              kind: d.justification.source === 'file' ? 'external' : 'inSource',
              // SARIF 2.1.0 suppression.status: a result whose suppression is under review is not suppressed.
              status: d.justification.pending ? 'underReview' : 'accepted',
              justification: d.justification.reason,
              ...(d.justification.approvedBy || d.justification.date
                ? { properties: { ...(d.justification.approvedBy ? { approvedBy: d.justification.approvedBy } : {}), ...(d.justification.date ? { date: d.justification.date } : {}) } }
                : {}),
            },
          ],
        }
      : {}),
  };
}

/**
 * A SARIF 2.1.0 log for code scanning: every registered rule with its Spanish title, help and
 * rationale, every finding with its location relative to the checkout's root. A justified
 * finding is a suppressed result (`inSource` for a comment, `external` for excepciones.yaml);
 * one a department wrote in its own files carries an `underReview` suppression, so it stays open.
 */
export const sarif: Formatter = (input) => {
  const ruleIndex = new Map(input.rules.map((rule, i) => [rule.id, i]));
  const { homepage, version } = packageInfo();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan',
            ...(homepage ? { informationUri: homepage } : {}),
            semanticVersion: version,
            language: input.lang === 'es' ? 'es-MX' : 'en-US',
            rules: input.rules.map((rule) => reportingDescriptor(rule, input.lang)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: srcRoot(input) } },
        // Columns come from yaml's LineCounter over JavaScript strings.
        columnKind: 'utf16CodeUnits',
        results: input.diagnostics.map((d) => result(d, input, ruleIndex)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
