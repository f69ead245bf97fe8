// Every text of the view reaches the HTML through these functions, which escape it for the
// place it lands in: element content or a quoted attribute. Nothing from the plan's YAML is
// ever written raw, so a `<script>`, a quote or an ampersand in a name stays text.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** C0 and C1 controls other than tab and line breaks: invisible, and invalid in HTML. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n|[\n\r\f\u0085\u2028\u2029]/;

/** Whatever esc() would change: most texts of a report hold none of it. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f&<>"']/;

/** Text for element content or a double-quoted attribute. */
export function esc(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(CONTROL, '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Text that may hold line breaks (a description, an observation): each line escaped, joined with `<br>`. */
export function escLines(value: string): string {
  if (!LINE_BREAK.test(value)) return esc(value.trim());
  return value
    .split(LINE_BREAK)
    .map((line) => esc(line.trim()))
    .filter((line) => line !== '')
    .join('<br>');
}

/** A path segment or fragment of a link, from a clave or a row id. */
export function urlPart(value: string): string {
  return encodeURIComponent(value);
}

/** An `id` attribute's value: no blanks (HTML forbids them), the rest escaped where written. */
export function idText(value: string): string {
  return value.replace(/\s+/g, '-') || 'x';
}
