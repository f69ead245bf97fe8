// Markdown report: Handlebars templates over the view model. Every value that came from the
// plan's YAML reaches the output only through the helpers below, which escape it for the
// place it lands in (a paragraph or a GFM table cell), so a `|`, a `<script>`, a backtick or
// a newline in the data can neither break a table nor inject HTML. Templates live in the
// package's templates/ folder; a plan repository may override any of them (and any partial)
// from its own templates/ folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { dayMonthYear } from '../../../i18n/text.js';
import { packagePath } from '../../../io/package-files.js';
import type { Semaforo } from '../../../model/semaforo.js';
import { chartMermaid, mermaidDrawsMissingAsZero, mermaidLegend, mermaidReadable } from '../../charts/mermaid.js';
import { cellText } from '../../view/cell-text.js';
import type { Cell, CellKind, Chart, DepartmentPage, ReportView, Section, Table } from '../../view/types.js';
import { memoize } from '../../view/memo.js';
import { TemplateError, type RenderOptions } from '../renderer.js';
import { checkRowWidths } from '../table-shape.js';

type Environment = typeof Handlebars;
type CompiledTemplate = Handlebars.TemplateDelegate<ReportView>;
type CompileOptions = NonNullable<Parameters<Environment['compile']>[1]>;

const PACKAGE_TEMPLATES = packagePath('templates/');
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

/** Whatever lines() would change besides trimming: a line break, a control, a tab or two blanks in a row. */
const NOT_ONE_LINE = /[\n\r\v\f\u0085\u2028\u2029\u0000-\u0008\u000e-\u001f\u007f-\u009f\t]| {2}/;
/** Whatever escapeInline() would change. */
const NEEDS_ESCAPE = /[&<>\\`*_[\]#~!|$@]|:\/\/|www\./i;

function lines(value: string): string[] {
  if (!NOT_ONE_LINE.test(value)) {
    const line = value.trim();
    return line === '' ? [] : [line];
  }
  return value
    .split(LINE_BREAK)
    .map((line) => line.replace(CONTROL, '').replace(BLANKS, ' ').trim())
    .filter((line) => line !== '');
}

function escapeInline(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
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

/**
 * Text inside an HTML block such as `<summary>`, where Markdown is not parsed: one line (a
 * blank line would end the block), every HTML special turned into an entity.
 */
function htmlText(value: string): string {
  return lines(value)
    .join(' ')
    .replace(/[&<>"']/g, (ch) => HTML_ENTITY[ch] as string);
}
const HTML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for a GFM table cell: lines joined with ` / ` (no raw `<br>`), `|` escaped. */
function cellLine(value: string): string {
  return escapeInline(lines(value).join(' / '));
}

/** cellLine() once per distinct text: a table repeats its percentages, units and dates row after row. */
const rememberedCellLine = memoize(cellLine);

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
  return rememberedCellLine(shown) || '—';
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
// Charts: a ```mermaid block (xychart-beta, which GitHub and GitLab draw), then what Mermaid
// cannot say (the legend, missing values drawn as 0); the chart's table follows it in the
// template, so a screen reader or a renderer without Mermaid loses nothing.

function mermaidBlock(chart: Chart): string {
  // chartMermaid's text holds no backtick, so nothing in it can close the fence.
  return mermaidReadable(chart) ? `\`\`\`mermaid\n${chartMermaid(chart)}\n\`\`\`` : '';
}

function chartNote(chart: Chart): string {
  if (!mermaidReadable(chart)) return `Son ${chart.series.length} líneas, demasiadas para distinguirlas en una gráfica: las cifras están en la tabla.`;
  const sentences: string[] = [];
  const legend = mermaidLegend(chart);
  if (legend.length > 0) {
    const items = legend.map((item) => (item.tone !== undefined && item.tone !== 'neutral' ? `${SEMAFORO_EMOJI[item.tone]} ${item.name}` : chart.kind === 'lines' ? `${item.name} (${item.colour})` : item.name));
    sentences.push(chart.kind === 'stacked' ? `Cada barra apila, desde el eje: ${items.join(', ')}.` : `Series: ${items.join(', ')}.`);
  }
  if (mermaidDrawsMissingAsZero(chart)) sentences.push('En la gráfica, un dato faltante aparece como 0; la tabla dice cuál falta.');
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------
// Per-department detail. With two or more department pages, a long table (more rows than
// there are departments, such as one row per meta) is shown inside each department's
// <details> instead of at the top; a table with one row per department stays at the top,
// where departments are compared, and is not repeated below. Nothing is shown twice.

const movedCache = new WeakMap<ReportView, ReadonlySet<string>>();

function movedIds(root: ReportView): ReadonlySet<string> {
  let moved = movedCache.get(root);
  if (!moved) {
    const departments = root.departments ?? [];
    const perDepartment = new Set(departments.flatMap((d) => d.sections.map((s) => s.id)));
    moved = new Set(
      departments.length < 2 ? [] : root.sections.filter((s) => perDepartment.has(s.id) && s.table.rows.length > departments.length).map((s) => s.id),
    );
    movedCache.set(root, moved);
  }
  return moved;
}

function isView(value: unknown): value is ReportView {
  return typeof value === 'object' && value !== null && Array.isArray((value as ReportView).sections);
}

function rootOf(helper: string, options: unknown): ReportView {
  const root = (options as { data?: { root?: unknown } } | undefined)?.data?.root;
  if (!isView(root)) throw new Error(`{{${helper}}} necesita la vista del reporte como contexto raíz`);
  return root;
}

function isDepartment(value: unknown): value is DepartmentPage {
  return typeof value === 'object' && value !== null && typeof (value as DepartmentPage).clave === 'string' && Array.isArray((value as DepartmentPage).sections);
}

/** The department's sections not shown at the top of the document. */
function departmentSections(department: DepartmentPage, root: ReportView): Section[] {
  const moved = movedIds(root);
  const atTop = new Set(root.sections.map((s) => s.id));
  return department.sections.filter((s) => moved.has(s.id) || !atTop.has(s.id));
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

function isChart(value: unknown): value is Chart {
  return typeof value === 'object' && value !== null && Array.isArray((value as Chart).series) && Array.isArray((value as Chart).categories);
}

function isSection(value: unknown): value is Section {
  return typeof value === 'object' && value !== null && typeof (value as Section).id === 'string' && isTable((value as Section).table);
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
  env.registerHelper('textoHtml', (value: unknown) => safe(htmlText(asText('textoHtml', value))));
  env.registerHelper('mermaid', (chart: unknown) => {
    if (!isChart(chart)) throw new Error('{{mermaid}} espera una gráfica de la vista');
    return safe(mermaidBlock(chart));
  });
  env.registerHelper('notaGrafica', (chart: unknown) => {
    if (!isChart(chart)) throw new Error('{{notaGrafica}} espera una gráfica de la vista');
    return safe(paragraphText(chartNote(chart)));
  });
  // (arriba section): true when the section is shown at the top of the document.
  env.registerHelper('arriba', (section: unknown, options: unknown) => {
    if (!isSection(section)) throw new Error('(arriba) espera una sección de la vista');
    return !movedIds(rootOf('arriba', options)).has(section.id);
  });
  // (enDetalle): the top sections shown per department instead, for a pointer to them.
  env.registerHelper('enDetalle', (options: unknown) => {
    const root = rootOf('enDetalle', options);
    const moved = movedIds(root);
    return root.sections.filter((s) => moved.has(s.id));
  });
  // (seccionesDe department): its sections with rows that the top of the document does not show.
  env.registerHelper('seccionesDe', (department: unknown, options: unknown) => {
    if (!isDepartment(department)) throw new Error('(seccionesDe) espera una dependencia de la vista');
    return departmentSections(department, rootOf('seccionesDe', options)).filter((s) => s.table.rows.length > 0);
  });
  // (vaciasDe department): the same, without rows: named in one line instead of an empty table each.
  env.registerHelper('vaciasDe', (department: unknown, options: unknown) => {
    if (!isDepartment(department)) throw new Error('(vaciasDe) espera una dependencia de la vista');
    return departmentSections(department, rootOf('vaciasDe', options)).filter((s) => s.table.rows.length === 0);
  });
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
  const tidied = markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '');
  // Not replace(/\n*$/): the regex is tried at every position of a document of megabytes.
  let end = tidied.length;
  while (end > 0 && tidied.charCodeAt(end - 1) === 0x0a) end--;
  return `${tidied.slice(0, end)}\n`;
}
