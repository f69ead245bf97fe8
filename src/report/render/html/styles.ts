// The site's one stylesheet (estilos.css), also inlined in the printable page. System fonts
// only: no web font, no request. Colours keep a contrast of at least 4.5:1 for text; the
// semáforo never relies on colour alone (each light has its own symbol and its word).

export const STYLES = `
:root {
  --texto: #1b1f24;
  --tenue: #4a5560;
  --fondo: #ffffff;
  --banda: #12355b;
  --enlace: #0b4f8a;
  --linea: #c9d1d9;
  --cebra: #f5f7f9;
  --foco: #b35c00;
}
* { box-sizing: border-box; }
/* The search box and filtered rows use the hidden attribute; a display rule must not undo it. */
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--texto);
  background: var(--fondo);
}
.marco { max-width: 75rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--enlace); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--foco); outline-offset: 2px; }
.salto { position: absolute; left: -999rem; top: 0; padding: 0.5rem 1rem; background: var(--fondo); color: var(--enlace); z-index: 10; }
.salto:focus { left: 0.5rem; top: 0.5rem; }
.oculto { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.encabezado { background: var(--banda); color: #ffffff; }
.encabezado .marco { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; align-items: center; justify-content: space-between; padding-top: 0.5rem; padding-bottom: 0.5rem; }
.encabezado p { margin: 0; font-weight: 600; }
.encabezado a { color: #ffffff; }
.encabezado ul, .migas ol, .vecinas { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.encabezado [aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.encabezado :focus-visible { outline-color: #ffd08a; }
main { padding-top: 1rem; padding-bottom: 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--linea); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.datos { color: var(--tenue); margin: 0 0 1rem; }
.titular { font-size: 1.15rem; max-width: 60rem; }
.migas ol li + li::before { content: "›"; margin-right: 0.75rem; color: var(--tenue); }
.vecinas { justify-content: space-between; margin: 2rem 0 0; }
.acciones li { margin: 0.3rem 0; }
.acciones .ver { color: var(--tenue); }
.tranquilo { font-weight: 600; }
.indice { columns: 16rem; padding-left: 1.2rem; }
.indice li { break-inside: avoid; margin: 0.15rem 0; }
.filtro { margin: 0.75rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.filtro input { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--tenue); border-radius: 4px; min-width: min(20rem, 100%); }
.filtro output { color: var(--tenue); }
.cifras { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.5rem; margin: 0.5rem 0 1rem; }
.cifras div { border: 1px solid var(--linea); border-radius: 6px; padding: 0.4rem 0.6rem; }
.cifras dt { font-size: 0.875rem; color: var(--tenue); }
.cifras dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
.tabla { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--linea); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8edf2; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: var(--cebra); }
tr:target, tr:target th, tr:target td { background: #fff3c4; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }
.codigo { white-space: nowrap; }
.centro { text-align: center; }
.vacio { color: var(--tenue); }
.notas, .intro { color: var(--tenue); font-size: 0.9375rem; }
.sem { display: inline-block; white-space: nowrap; padding: 0 0.4rem; border-radius: 999px; border: 1px solid currentColor; font-weight: 600; font-size: 0.875rem; }
.sem-verde { background: #dcefe0; color: #14532d; }
.sem-amarillo { background: #fdf0c4; color: #5c4300; }
.sem-rojo { background: #f9d6d5; color: #7f1d1d; }
.sem-sin_meta { background: #eceff1; color: #37474f; }
.sem-no_reportado { background: #e0e0e0; color: #1b1b1b; }
.sem-pendiente { background: #e3ecf7; color: #1e3a5f; }
.figura { margin: 1rem 0 2rem; }
.figura figcaption h2, .figura figcaption h3 { margin-top: 0; }
.figura-cuerpo { display: grid; gap: 0.5rem; }
.dibujo svg { display: block; max-width: 100%; height: auto; }
@media (max-width: 40rem) {
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.2rem; }
  table { font-size: 0.875rem; }
  .encabezado .marco { flex-direction: column; align-items: flex-start; }
}
@media print {
  body { font-size: 10.5pt; color: #000000; }
  .marco { max-width: none; padding: 0; }
  .salto, .encabezado nav, .migas, .vecinas, .filtro, .contenido { display: none; }
  .encabezado { background: none; color: #000000; border-bottom: 1px solid #000000; }
  a { color: inherit; text-decoration: none; }
  .tabla { overflow: visible; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, .cifras div, .figura-cuerpo svg { break-inside: avoid; }
  h1, h2, h3, figcaption { break-after: avoid; }
  .departamento, .nueva-pagina { break-before: page; }
  tbody tr:nth-child(even) { background: none; }
}
`.trimStart();
