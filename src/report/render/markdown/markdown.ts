// Markdown report: Handlebars templates over the view model. Every value that came from the
// plan's YAML reaches the output only through the helpers below, which escape it for the
// place it lands in (a paragraph or a GFM table cell), so a `|`, a `<script>`, a backtick or
// a newline in the data can neither break a table nor inject HTML. Templates live in the
// package's templates/ folder; a plan repository may override any of them (and any partial)
// from its own templates/ folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { dayMonthYear } from '../../../i18n/text.js';
import type { Semaforo } from '../../../model/semaforo.js';
import { cellText } from '../../view/cell-text.js';
import type { Cell, CellKind, ReportView, Table } from '../../view/types.js';
import { TemplateError, type RenderOptions } from '../renderer.js';
import { checkRowWidths } from '../table-shape.js';

type Environment = typeof Handlebars;
type CompiledTemplate = Handlebars.TemplateDelegate<ReportView>;
type CompileOptions = NonNullable<Parameters<Environment['compile']>[1]>;

// Resolves to <package>/templates/ from both src/report/render/markdown/ and dist/report/render/markdown/.
const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../../../templates/', import.meta.url));
const KINDS: ReadonlySet<string> = new Set<ReportView['kind']>(['trimestral', 'anual', 'transparencia']);
const TEMPLATE_SUFFIX = '.md.hbs';

// noEscape stays false: a plain `{{x}}` in a repo's own template is still HTML-escaped by
// Handlebars, so it cannot inject HTML even when its author forgets the helpers. Not strict:
// optional fields such as `dependencia` or `intro` are simply absent from the view.
const COMPILE_OPTIONS: CompileOptions = { noEscape: false, strict: false };

export function renderMarkdown(view: ReportView, options: RenderOptions = {}): string {
  if (!KINDS.has(view.kind)) throw new Error(`Tipo de reporte desconocido: ${String(view.kind)}`);
  const { file, render } = rendererFor(options.templatesDir).template(view.kind);
  let output: string;
  try {
    output = render(view);
  } catch (error) {
    throw new TemplateError(file, error instanceof Error ? error.message : String(error), { cause: error });
  }
  return tidy(output);
}

// ---------------------------------------------------------------------------------------
// Escaping. Two contexts: a paragraph (or heading, or list item) and a table cell. Both
// flatten the text to one line, backslash-escape Markdown punctuation and turn `&<>` into
// entities, so no raw HTML ever leaves this module.

/** Any line break a YAML string may carry: CRLF, CR, LF, VT, FF, NEL, U+2028, U+2029. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
/** Other C0 and C1 controls: invisible, and CommonMark would turn NUL into U+FFFD anyway. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const BLANKS = /[ \t]+/g;
/**
 * Characters that can open code, emphasis, strike-through, links, images, headings, math
 * (`$`, on GitHub), an e-mail autolink or a mention (`@`) or a table cell boundary
 * anywhere in a line, plus the HTML specials. Parentheses only matter right after a `]`,
 * which is escaped, so they stay as written: office text is full of them.
 */
const INLINE_SPECIAL = /[&<>\\`*_[\]#~!|$@]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function lines(value: string): string[] {
  return value
    .split(LINE_BREAK)
    .map((line) => line.replace(CONTROL, '').replace(BLANKS, ' ').trim())
    .filter((line) => line !== '');
}

function escapeInline(value: string): string {
  return (
    value
      .replace(INLINE_SPECIAL, (ch) => ENTITY[ch] ?? `\\${ch}`)
      // GFM turns bare `http://…` and `www.…` into links; an escaped `:` or `.` stops the
      // autolink scanner on both GitHub (cmark-gfm) and micromark-based renderers.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(www)\./gi, '$1\\.')
  );
}

/**
 * Text for a paragraph, heading or list item: one line, and a leading `-`, `+`, `=` or
 * `1.` escaped so the value cannot start a list, a thematic break or a setext heading
 * (`#`, `>`, `*`, `_`, `~`, `|` are already escaped everywhere).
 */
function paragraphText(value: string): string {
  return escapeInline(lines(value).join(' '))
    .replace(/^[-+=]/, (ch) => `\\${ch}`)
    .replace(/^(\d{1,9})\.(?=\s|$)/, '$1\\.');
}

/** Text for a GFM table cell: lines joined with ` / ` (no raw `<br>`), `|` escaped. */
function cellLine(value: string): string {
  return escapeInline(lines(value).join(' / '));
}

const SEMAFORO_EMOJI: Record<Semaforo, string> = {
  verde: '🟢',
  amarillo: '🟡',
  rojo: '🔴',
  sin_meta: '⚪',
  no_reportado: '⚫',
  pendiente: '⏳',
};

function cellMarkdown(cell: Cell): string {
  const shown = cell.t === 'semaforo' ? `${SEMAFORO_EMOJI[cell.v]} ${cellText(cell)}` : cellText(cell);
  return cellLine(shown) || '—';
}

const ALIGNMENT: Record<CellKind, string> = {
  text: ':---',
  empty: ':---',
  semaforo: ':---:',
  int: '---:',
  number: '---:',
  percent: '---:',
  date: '---:',
};

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableMarkdown(table: Table): string {
  const width = table.columns.length;
  if (width === 0) return '';
  checkRowWidths(table);
  const out = [tableRow(table.columns.map((column) => cellLine(column.header))), tableRow(table.columns.map((column) => ALIGNMENT[column.kind]))];
  for (const row of table.rows) out.push(tableRow(row.map(cellMarkdown)));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------
// Helpers. Each returns a SafeString of text escaped above, so Handlebars does not
// HTML-escape it a second time. A helper called with the wrong kind of value throws, and
// renderMarkdown reports that as a TemplateError naming the template.

const CELL_KINDS: ReadonlySet<string> = new Set<CellKind>(['text', 'int', 'number', 'percent', 'date', 'semaforo', 'empty']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asText(helper: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Error(`{{${helper}}} espera un texto`);
}

function isCell(value: unknown): value is Cell {
  return typeof value === 'object' && value !== null && CELL_KINDS.has((value as { t?: unknown }).t as string);
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && Array.isArray((value as Table).columns) && Array.isArray((value as Table).rows);
}

function registerHelpers(env: Environment): void {
  const safe = (markdown: string) => new env.SafeString(markdown);
  env.registerHelper('texto', (value: unknown) => safe(paragraphText(asText('texto', value))));
  env.registerHelper('celda', (cell: unknown) => {
    if (!isCell(cell)) throw new Error('{{celda}} espera una celda de la vista');
    return safe(cellMarkdown(cell));
  });
  env.registerHelper('tabla', (table: unknown) => {
    if (!isTable(table)) throw new Error('{{tabla}} espera una tabla (columns y rows)');
    return safe(tableMarkdown(table));
  });
  env.registerHelper('fecha', (value: unknown) => {
    const day = asText('fecha', value);
    return safe(paragraphText(ISO_DATE.test(day) ? dayMonthYear(day) : day));
  });
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

// ---------------------------------------------------------------------------------------
// Template lookup and the per-process cache: one isolated Handlebars environment per
// template search path, each template and partial parsed and compiled once.

interface LoadedTemplate {
  file: string;
  render: CompiledTemplate;
}

interface Renderer {
  template(kind: string): LoadedTemplate;
}

const renderers = new Map<string, Renderer>();

function rendererFor(templatesDir: string | undefined): Renderer {
  const packageDir = path.resolve(PACKAGE_TEMPLATES);
  const repoDir = templatesDir === undefined ? undefined : path.resolve(templatesDir);
  const dirs = repoDir === undefined || repoDir === packageDir ? [packageDir] : [repoDir, packageDir];
  const key = dirs.join('\0');
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = createRenderer(dirs);
    renderers.set(key, renderer);
  }
  return renderer;
}

function createRenderer(dirs: string[]): Renderer {
  const env = Handlebars.create();
  registerHelpers(env);
  // The package's partials first, then the repo's, so a repo partial of the same name wins.
  for (const dir of [...dirs].reverse()) {
    for (const [name, file] of partialFiles(path.join(dir, 'partials'))) env.registerPartial(name, compileFile(env, file));
  }
  const templates = new Map<string, LoadedTemplate>();
  return {
    template(kind) {
      let loaded = templates.get(kind);
      if (!loaded) {
        const file = dirs.map((dir) => path.join(dir, `${kind}${TEMPLATE_SUFFIX}`)).find((candidate) => existsSync(candidate));
        if (file === undefined) throw new Error(`Falta la plantilla ${kind}${TEMPLATE_SUFFIX} en ${dirs.join(', ')}`);
        loaded = { file, render: compileFile(env, file) };
        templates.set(kind, loaded);
      }
      return loaded;
    },
  };
}

/** `partials/seccion.md.hbs` → `seccion`, sorted so registration order never depends on the file system. */
function partialFiles(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry): [string, string] => [entry.name.replace(/(\.md)?\.hbs$/, ''), path.join(dir, entry.name)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function compileFile(env: Environment, file: string): CompiledTemplate {
  // CRLF from a Windows checkout must not change the output bytes.
  const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    // compile() is lazy; parsing here reports a syntax error now, against the right file.
    env.parse(source);
  } catch (error) {
    throw new TemplateError(file, error instanceof Error ? error.message : String(error), { cause: error });
  }
  return env.compile<ReportView>(source, COMPILE_OPTIONS);
}

/** No trailing blanks, no runs of blank lines, exactly one final newline. */
function tidy(markdown: string): string {
  return markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n');
}
