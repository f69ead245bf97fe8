// The whole report as ONE self-contained HTML page, for printing to PDF (render/pdf): the
// executive page first, the key figures and the general sections, then each department on
// a new page. Links stay inside the document (`#dependencia-OP`, `#OP-01-M1`).
import type { ReportView } from '../../view/types.js';
import type { RenderOptions } from '../renderer.js';
import { htmlText, lines, sectionHtml, type Markup, type Place } from './blocks.js';
import { departmentHeadHtml, departmentName, executiveHtml, keyFiguresHtml, reportHeading } from './content.js';
import { esc } from './escape.js';
import { printablePage } from './page.js';
import { generalSections, idRegistry, SiteMap } from './site.js';
import { STYLES } from './styles.js';

const departmentAnchor = (clave: string) => `dependencia-${clave}`;

/** `options` is accepted for the renderer's signature; the page uses no template of the repository. */
export async function renderPrintableHtml(view: ReportView, _options: RenderOptions = {}): Promise<string> {
  return printableHtml(view);
}

export function printableHtml(view: ReportView): string {
  const departments = view.departments ?? [];
  const map = new SiteMap(departments);
  const id = idRegistry();
  const placeIn = (current?: string): Place => ({
    href(rowId) {
      const target = map.target(rowId);
      if (!target || target.clave === current) return undefined;
      return `#${encodeURIComponent(target.anchor ?? departmentAnchor(target.clave))}`;
    },
    id,
  });
  const top = placeIn();
  // The department blocks are built first, so they claim their ids first: what the executive
  // page links to (`#OP-01-M1`) is the department's own row, never a suffixed copy.
  const blocks = departments.map((department) => {
    const place = placeIn(department.clave);
    const anchor = id(departmentAnchor(department.clave));
    const parts = [
      `<section class="departamento" id="${esc(anchor)}" aria-labelledby="${esc(anchor)}-titulo">`,
      `<h2 id="${esc(anchor)}-titulo">${esc(departmentName(department))}</h2>`,
      departmentHeadHtml(department, place, 3),
      ...department.sections.map((section) => sectionHtml(section, place, 3, { idPrefix: `${department.clave}-` })),
      '</section>',
    ];
    return lines(parts.filter((part) => part !== ''));
  });
  const main: Markup[] = [reportHeading(view)];
  if (view.executive) main.push(executiveHtml(view.executive, top));
  // After the executive page, which stands alone on its sheet.
  main.push(keyFiguresHtml(view, top, 2, view.executive ? 'nueva-pagina' : undefined));
  for (const section of generalSections(view)) main.push(sectionHtml(section, top, 2));
  main.push(...blocks);
  return htmlText(printablePage(view, STYLES, lines(main.filter((part) => part !== ''))));
}
