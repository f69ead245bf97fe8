// What the site's pages and the printable document both show: the report's heading, the
// executive page, a department's part. Where a link goes is the Place's business, so the
// same content serves separate pages (site.ts) and one long document (printable.ts).
import { dayMonthYear } from '../../../i18n/text.js';
import { chartSvg } from '../../charts/svg.js';
import type { Chart, DepartmentPage, ExecutiveSummary, ReportView } from '../../view/types.js';
import { chartHtml, html, lines, summaryHtml, tableHtml, type Html, type Markup, type Place } from './blocks.js';
import { esc, escLines } from './escape.js';

export const NOTHING_TO_ACT_ON = 'Nada requiere atención inmediata.';

const PERIOD_LABEL: Record<ReportView['kind'], string> = { trimestral: 'Trimestre', anual: 'Ejercicio', transparencia: 'Trimestre' };

/**
 * The SVG without its XML namespace declaration: inside HTML the parser puts `<svg>` in the
 * SVG namespace by itself, and the page then holds no `http://` string at all.
 */
export function drawChart(chart: Chart): string {
  return chartSvg(chart).replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /, '<svg ');
}

/** The report's title and the line with municipio, period, cut-off date and department. */
export function reportHeading(view: ReportView): string {
  const facts = [
    `Municipio: ${view.municipio}`,
    `${PERIOD_LABEL[view.kind]}: ${view.periodo}`,
    `Fecha de corte: ${dayMonthYear(view.fechaCorte)}`,
    ...(view.dependencia ? [`Dependencia: ${view.dependencia}`] : []),
  ];
  return `<h1>${esc(view.title)}</h1>\n<p class="datos">${facts.map(esc).join(' · ')}</p>`;
}

/** Links to the departments an action names, after its sentence. */
function actionLinks(claves: readonly string[], place: Place): string {
  const links = claves.flatMap((clave) => {
    const href = place.href(clave);
    return href === undefined ? [] : [`<a href="${esc(href)}">${esc(clave)}</a>`];
  });
  return links.length === 0 ? '' : ` <span class="ver">Ver: ${links.join(', ')}.</span>`;
}

/** A `<section>` named by its heading, the heading's id unique in the document. */
export function titledSection(place: Place, level: 2 | 3, wanted: string, title: string, body: Markup, className?: string): Html {
  const id = place.id(wanted);
  const cls = className ? ` class="${esc(className)}"` : '';
  return html(`<section${cls} aria-labelledby="${esc(id)}">\n<h${level} id="${esc(id)}">${esc(title)}</h${level}>\n`, body, '\n</section>');
}

export interface ExecutiveParts {
  /** The search box, placed above the ranking it filters (site only). */
  filter?: string;
}

/** The executive page: the state in words, what needs action, the ranking, the worst metas, the charts. */
export function executiveHtml(executive: ExecutiveSummary, place: Place, parts: ExecutiveParts = {}): Markup {
  const actions =
    executive.actions.length === 0
      ? `<p class="tranquilo">${esc(NOTHING_TO_ACT_ON)}</p>`
      : `<ul class="acciones">${executive.actions.map((a) => `<li>${escLines(a.sentence)}${actionLinks(a.departments, place)}</li>`).join('\n')}</ul>`;
  const attentionId = place.id('atencion');
  const out = [
    titledSection(place, 2, 'resumen-ejecutivo', 'Resumen ejecutivo', [
      `<p class="titular">${escLines(executive.headline)}</p>`,
      `<h3 id="${esc(attentionId)}">Lo que requiere atención</h3>`,
      actions,
    ].join('\n'), 'ejecutivo'),
    titledSection(place, 2, 'clasificacion', 'Clasificación de las dependencias', lines([
      parts.filter ?? '',
      tableHtml(executive.ranking, place, { caption: 'Dependencias de la mejor a la peor', captionHidden: true, filterable: parts.filter !== undefined }),
    ])),
    titledSection(place, 2, 'peores-metas', 'Metas con menor cumplimiento',
      tableHtml(executive.worstMetas, place, { caption: 'Metas con menor cumplimiento acumulado y su semáforo por trimestre', captionHidden: true })),
  ];
  if (executive.charts.length > 0) {
    out.push(titledSection(place, 2, 'graficas', 'Gráficas', lines(executive.charts.map((chart) => chartHtml(chart, place, 3, drawChart)))));
  }
  return lines(out);
}

export function keyFiguresHtml(view: ReportView, place: Place, level: 2 | 3 = 2, className?: string): Markup {
  if (view.resumen.length === 0) return '';
  return titledSection(place, level, 'cifras-clave', 'Cifras clave', summaryHtml(view.resumen), className);
}

/** `OP — Dirección de Obras Públicas`. */
export function departmentName(department: DepartmentPage): string {
  return `${department.clave} — ${department.nombre}`;
}

/** A department's figures and charts (its sections are written by the caller, which knows their ids). */
export function departmentHeadHtml(department: DepartmentPage, place: Place, level: 2 | 3): Markup {
  const out: Markup[] = [];
  if (department.resumen.length > 0) out.push(`<h${level} id="${esc(place.id(`${department.clave}-cifras`))}">Cifras clave</h${level}>`, summaryHtml(department.resumen));
  for (const chart of department.charts) out.push(chartHtml(chart, place, level, drawChart));
  return lines(out);
}
