// The frame of every page: head, skip link, site navigation, footer, and the search box's
// script. A Content-Security-Policy forbids every request but the site's own stylesheet, so
// even a mistake could not make a page load anything from the network.
import { createHash } from 'node:crypto';
import { dayMonthYear } from '../../../i18n/text.js';
import type { ReportView } from '../../view/types.js';
import { html, type Html, type Markup } from './blocks.js';
import { esc } from './escape.js';

/**
 * The search box: hidden until this script shows it, so without JavaScript the page is its
 * links and tables. It hides the `[data-filtro]` items (departments, rows) whose text does
 * not contain what was typed, accents and case aside, and says how many are left.
 */
const FILTER_SCRIPT = `(function () {
  var box = document.getElementById('filtro');
  if (!box) return;
  var input = box.querySelector('input');
  var count = box.querySelector('output');
  var fold = function (s) { return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); };
  var items = Array.prototype.map.call(document.querySelectorAll('[data-filtro]'), function (el) {
    return { el: el, text: fold(el.textContent || '') };
  });
  box.hidden = false;
  input.addEventListener('input', function () {
    var wanted = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (item) {
      var show = wanted === '' || item.text.indexOf(wanted) >= 0;
      item.el.hidden = !show;
      if (show) shown++;
    });
    count.textContent = wanted === '' ? '' : shown === 1 ? '1 coincidencia' : shown + ' coincidencias';
  });
})();`;

const SCRIPT_HASH = createHash('sha256').update(FILTER_SCRIPT).digest('base64');

/** Requests allowed: the site's own stylesheet (from a static host or the file system). Nothing else. */
const SITE_POLICY = `default-src 'none'; style-src 'self' file: 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;
/** The printable page carries its styles inline and runs no script. */
const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The search box: a label, the input, and the live count of what is left. */
export function filterBox(label: string): string {
  return `<div class="filtro" id="filtro" role="search" hidden><label for="filtro-texto">${esc(label)}</label><input type="search" id="filtro-texto" autocomplete="off"><output for="filtro-texto" aria-live="polite"></output></div>`;
}

export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
}

export interface PageParts {
  view: ReportView;
  /** The page's `<title>`, most specific first. */
  title: string;
  /** `../` on a department page, to reach the site's top level. */
  root: string;
  nav: NavLink[];
  main: Markup;
  /** Whether the page has a search box (and so the script). */
  filter: boolean;
}

/** Municipio and period, the line every page and the printed header start with. */
export function bannerText(view: ReportView): string {
  return `${view.municipio} · ${view.title}`;
}

export function footerText(view: ReportView): string {
  return `Generado con plan a partir de los datos del repositorio; fecha de corte ${dayMonthYear(view.fechaCorte)}.`;
}

/** Everything up to `</head>`: the site's pages and the printable page differ only in policy, title and how styles come in. */
function documentHead(policy: string, title: string, styles: string): string {
  return `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">
<meta name="generator" content="plan">
<title>${esc(title)}</title>
${styles}
</head>`;
}

export function sitePage(parts: PageParts): Html {
  const nav = parts.nav
    .map((link) => `<li><a href="${esc(link.href)}"${link.current ? ' aria-current="page"' : ''}>${esc(link.label)}</a></li>`)
    .join('');
  return html(
    `${documentHead(SITE_POLICY, parts.title, `<link rel="stylesheet" href="${esc(parts.root)}estilos.css">`)}
<body>
<a class="salto" href="#contenido">Saltar al contenido</a>
<header class="encabezado">
<div class="marco">
<p>${esc(bannerText(parts.view))}</p>
<nav aria-label="Sitio"><ul>${nav}</ul></nav>
</div>
</header>
<main id="contenido" class="marco" tabindex="-1">
`,
    parts.main,
    `
</main>
<footer class="marco pie"><p class="datos">${esc(footerText(parts.view))}</p></footer>
${parts.filter ? `<script>${FILTER_SCRIPT}</script>\n` : ''}</body>
</html>
`,
  );
}

/** One self-contained page (styles inline, no script, no link outside itself), for printing to PDF. */
export function printablePage(view: ReportView, styles: string, main: Markup): Html {
  return html(
    `${documentHead(PRINT_POLICY, view.title, `<style>\n${styles}</style>`)}
<body>
<header class="encabezado"><div class="marco"><p>${esc(bannerText(view))}</p></div></header>
<main id="contenido" class="marco">
`,
    main,
    `
</main>
<footer class="marco pie"><p class="datos">${esc(footerText(view))}</p></footer>
</body>
</html>
`,
  );
}
