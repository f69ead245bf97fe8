// Texts of the differential tests of the fast path (fast.test.ts) and of the quick locator
// (quick-locate.test.ts): every string the hostile and YAML tests write, placed four ways.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { baseRepo, render } from '../helpers/fixture.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The test sources whose texts are hostile YAML (a test file may leave itself out). */
export function hostileSources(except?: string): string[] {
  return [
    ...readdirSync(path.join(REPO, 'tests/hostile')).map((f) => `tests/hostile/${f}`),
    ...readdirSync(path.join(REPO, 'tests/yaml')).filter((f) => f.endsWith('.ts') && f !== except).map((f) => `tests/yaml/${f}`),
    'tests/load/bad-input.test.ts',
    'tests/fuzz/regressions.test.ts',
    'tests/fuzz/arbitraries.ts',
  ].filter((file) => file.endsWith('.ts'));
}

/**
 * Every string literal of a test source, as the test passes it: the hostile tests write their
 * texts inline (`shown('comentario: *Urgente* …')`, TRIGGERS, the cases tables). A template
 * with substitutions is taken with each substitution read as «x».
 */
export function stringLiteralsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(REPO, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push(node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export const DEP_TEXT = String(render(baseRepo()['dependencias/OP/dependencia.yaml']));

/** A fragment as a whole file, as a value, as a list item, and appended to a real file. */
export function* placements(fragment: string): Generator<[string, string]> {
  const line = fragment.endsWith('\n') ? fragment : `${fragment}\n`;
  yield ['tal cual', fragment];
  yield ['como valor', `clave: ${line}`];
  yield ['en una lista', `lista:\n  - ${line}`];
  yield ['al final de un archivo', `${DEP_TEXT}${line}`];
}
