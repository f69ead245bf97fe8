// The static site of a report: index.html (the executive page, the ranking linking to each
// department, the key figures), one page per department under dependencias/ with an anchor
// for each PPCS and meta, the sections that belong to no department in secciones.html, and
// one stylesheet. Plain relative links only, so it works from the file system or any static
// host; nothing is fetched from anywhere.
import type { DepartmentPage, ReportView, Section } from '../../view/types.js';
import type { RenderedFile, RenderedFolder } from '../renderer.js';
import { htmlBytes, lines, sectionHtml, type Html, type Markup, type Place } from './blocks.js';
import { departmentHeadHtml, departmentName, executiveHtml, keyFiguresHtml, reportHeading, titledSection } from './content.js';
import { esc, urlPart } from './escape.js';
import { filterBox, sitePage, type NavLink } from './page.js';
import { STYLES } from './styles.js';

export const STYLESHEET = 'estilos.css';
export const GENERAL_PAGE = 'secciones.html';
export const DEPARTMENTS_FOLDER = 'dependencias';

/** Where each row id of the report lives: a department's page (its clave), or a row on it. */
export class SiteMap {
  private readonly files = new Map<string, string>();
  private readonly rows = new Map<string, string>();

  constructor(departments: readonly DepartmentPage[]) {
    const taken = new Set<string>();
    for (const department of departments) {
      // Claves are `[A-Z][A-Z0-9]{1,11}` by schema; anything else still makes a safe, distinct file name.
      const stem = /^[A-Za-z0-9_-]+$/.test(department.clave) ? department.clave : department.clave.replace(/[^A-Za-z0-9_-]/g, '_');
      let name = stem;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}`;
      taken.add(name.toLowerCase());
      this.files.set(department.clave, `${name}.html`);
    }
    for (const department of departments) {
      for (const section of department.sections) {
        for (const rowId of section.table.rowIds ?? []) if (rowId !== '' && !this.rows.has(rowId) && !this.files.has(rowId)) this.rows.set(rowId, department.clave);
      }
    }
  }

  /** `dependencias/OP.html`, relative to the site's top level. */
  pageOf(clave: string): string | undefined {
    const file = this.files.get(clave);
    return file === undefined ? undefined : `${DEPARTMENTS_FOLDER}/${file}`;
  }

  /** The department a row id takes the reader to, and the anchor on its page (none for the clave itself). */
  target(rowId: string): { clave: string; anchor?: string } | undefined {
    if (this.files.has(rowId)) return { clave: rowId };
    const clave = this.rows.get(rowId);
    return clave === undefined ? undefined : { clave, anchor: rowId };
  }
}

/** Hands out `id` attributes, each unique within one document. */
export function idRegistry(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
    used.add(id);
    return id;
  };
}

/** A page of the site: `root` reaches the top level from it, `current` is the department it shows. */
function sitePlace(map: SiteMap, root: string, current?: string): Place {
  return {
    href(rowId) {
      const target = map.target(rowId);
      if (!target || target.clave === current) return undefined;
      const page = map.pageOf(target.clave)!;
      return `${root}${page.split('/').map(urlPart).join('/')}${target.anchor ? `#${urlPart(target.anchor)}` : ''}`;
    },
    id: idRegistry(),
  };
}

/** The sections no department page shows (the rubric, findings of shared files…); every section when there are no department pages. */
export function generalSections(view: ReportView): Section[] {
  const departments = view.departments ?? [];
  if (departments.length === 0) return view.sections;
  const shown = new Set(departments.flatMap((d) => d.sections.map((s) => s.id)));
  return view.sections.filter((s) => !shown.has(s.id));
}

function contents(sections: readonly Section[], href: (section: Section) => string): string {
  if (sections.length === 0) return '';
  return `<ul class="indice">${sections.map((s) => `<li><a href="${esc(href(s))}">${esc(s.title)}</a></li>`).join('')}</ul>`;
}

/** The page's own table of contents, a navigation landmark with a visible heading. */
function pageContents(place: Place, sections: readonly Section[]): string {
  const id = place.id('contenido-titulo');
  return `<nav class="contenido" aria-labelledby="${esc(id)}"><h2 id="${esc(id)}">Contenido</h2>${contents(sections, (s) => `#seccion-${urlPart(s.id)}`)}</nav>`;
}

/**
 * Each page is encoded as soon as it is put together, piece by piece (blocks.ts Html), and
 * only its bytes are kept: kept as text until the whole site was written, a site of 1,000
 * departments held its pieces and its encoded copy at once, 0.7 GB more.
 */
export function renderSite(view: ReportView): RenderedFolder {
  const departments = view.departments ?? [];
  const map = new SiteMap(departments);
  const general = generalSections(view);
  const separateGeneral = departments.length > 0 && general.length > 0;
  const nav = (root: string, current: 'index' | 'secciones' | 'dependencia'): NavLink[] => [
    { href: `${root}index.html`, label: view.executive ? 'Resumen ejecutivo' : 'Inicio', current: current === 'index' },
    ...(departments.length > 0 ? [{ href: `${root}index.html#dependencias`, label: 'Dependencias' }] : []),
    ...(separateGeneral ? [{ href: `${root}${GENERAL_PAGE}`, label: 'Secciones generales', current: current === 'secciones' }] : []),
  ];
  const files: RenderedFile[] = [
    { path: 'index.html', bytes: htmlBytes(indexPage(view, map, general, separateGeneral, nav('', 'index'))) },
  ];
  if (separateGeneral) files.push({ path: GENERAL_PAGE, bytes: htmlBytes(generalPage(view, map, general, nav('', 'secciones'))) });
  departments.forEach((department, i) => {
    files.push({
      path: map.pageOf(department.clave)!,
      bytes: htmlBytes(departmentPage(view, map, department, departments[i - 1], departments[i + 1], nav('../', 'dependencia'))),
    });
  });
  files.push({ path: STYLESHEET, bytes: STYLES });
  return { entry: 'index.html', files };
}

function indexPage(view: ReportView, map: SiteMap, general: readonly Section[], separateGeneral: boolean, nav: NavLink[]): Html {
  const place = sitePlace(map, '');
  const departments = view.departments ?? [];
  const main: Markup[] = [reportHeading(view)];
  // One search box per page: above the ranking when there is one, else above what it filters.
  const rankingFilter = view.executive !== undefined && departments.length > 0;
  if (view.executive) main.push(executiveHtml(view.executive, place, rankingFilter ? { filter: filterBox('Buscar dependencia') } : {}));
  main.push(keyFiguresHtml(view, place));
  if (departments.length > 0) {
    const items = departments.map((d) => `<li data-filtro><a href="${esc(place.href(d.clave)!)}">${esc(departmentName(d))}</a></li>`).join('\n');
    const body = `${rankingFilter ? '' : filterBox('Buscar dependencia')}\n<ul class="indice">\n${items}\n</ul>`;
    main.push(titledSection(place, 2, 'dependencias', 'Páginas por dependencia', body));
  }
  if (separateGeneral) {
    main.push(titledSection(place, 2, 'secciones-generales', 'Secciones generales', contents(general, (s) => `${GENERAL_PAGE}#seccion-${urlPart(s.id)}`)));
  } else if (general.length > 0) {
    // No department pages (the transparency table): the sections are the page.
    main.push(pageContents(place, general));
    main.push(filterBox('Buscar en las tablas'));
    for (const section of general) main.push(sectionHtml(section, place, 2, { filterable: true }));
  }
  const filter = departments.length > 0 || (!separateGeneral && general.length > 0);
  return sitePage({ view, title: view.title, root: '', nav, main: lines(main.filter((part) => part !== '')), filter });
}

function generalPage(view: ReportView, map: SiteMap, general: readonly Section[], nav: NavLink[]): Html {
  const place = sitePlace(map, '');
  const main = [
    `<h1>Secciones generales</h1>`,
    `<p class="datos">${esc(view.title)} · ${esc(view.municipio)}</p>`,
    pageContents(place, general),
    filterBox('Buscar en las tablas'),
    ...general.map((section) => sectionHtml(section, place, 2, { filterable: true })),
  ];
  return sitePage({ view, title: `Secciones generales · ${view.title}`, root: '', nav, main: lines(main), filter: true });
}

function departmentPage(
  view: ReportView,
  map: SiteMap,
  department: DepartmentPage,
  previous: DepartmentPage | undefined,
  next: DepartmentPage | undefined,
  nav: NavLink[],
): Html {
  const place = sitePlace(map, '../', department.clave);
  const sibling = (d: DepartmentPage) => `../${map.pageOf(d.clave)!.split('/').map(urlPart).join('/')}`;
  const neighbours = [
    previous ? `<li><a href="${esc(sibling(previous))}" rel="prev">← ${esc(departmentName(previous))}</a></li>` : '<li></li>',
    next ? `<li><a href="${esc(sibling(next))}" rel="next">${esc(departmentName(next))} →</a></li>` : '<li></li>',
  ];
  const main: Markup[] = [
    `<nav class="migas" aria-label="Ruta"><ol><li><a href="../index.html">${view.executive ? 'Resumen ejecutivo' : 'Inicio'}</a></li><li><a href="../index.html#dependencias">Dependencias</a></li><li><a href="#contenido" aria-current="page">${esc(department.clave)}</a></li></ol></nav>`,
    `<h1>${esc(departmentName(department))}</h1>`,
    `<p class="datos">${esc(view.title)} · ${esc(view.municipio)}</p>`,
    departmentHeadHtml(department, place, 2),
  ];
  if (department.sections.length > 0) {
    main.push(pageContents(place, department.sections));
    main.push(filterBox('Buscar en esta página'));
    for (const section of department.sections) main.push(sectionHtml(section, place, 2, { filterable: true }));
  }
  main.push(`<nav aria-label="Otras dependencias"><ul class="vecinas">${neighbours.join('')}</ul></nav>`);
  return sitePage({
    view,
    title: `${departmentName(department)} · ${view.title}`,
    root: '../',
    nav,
    main: lines(main.filter((part) => part !== '')),
    filter: department.sections.length > 0,
  });
}
