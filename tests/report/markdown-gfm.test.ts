// The Markdown read by GitHub's own parser: Debian's `cmark-gfm` (GitHub's fork of cmark, the
// one github.com renders with), run with GitHub's extensions. Skipped where it is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render/markdown/markdown.js';
import { executiveView, HOSTILE } from './executive-sample.js';

const CMARK = ['/usr/bin/cmark-gfm', '/usr/local/bin/cmark-gfm'].find((file) => existsSync(file));

function github(markdown: string): string {
  // --unsafe keeps raw HTML (GitHub then sanitizes it); tagfilter is GitHub's own filter.
  return execFileSync(CMARK!, ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'], { input: markdown, encoding: 'utf8' });
}

/** The HTML between one department's <summary> and its </details>. */
function departmentHtml(html: string, clave: string): string {
  const start = html.indexOf(`<summary><strong>${clave}</strong>`);
  return html.slice(start, html.indexOf('</details>', start));
}

// .ci/run installs it and sets PLAN_CMARK=1: there a missing binary fails instead of skipping.
describe.skipIf(CMARK === undefined && process.env.PLAN_CMARK !== '1')('Markdown as GitHub renders it (cmark-gfm)', () => {
  it('renders the tables inside each <details> as tables', () => {
    const html = github(renderMarkdown(executiveView()));
    for (const clave of ['OP', 'SP']) {
      const part = departmentHtml(html, clave);
      expect(part.match(/<table>/g)).toHaveLength(2);
      expect(part).toContain('<h3>Avance de metas</h3>');
      expect(part).not.toContain('| Meta |');
    }
  });

  it('renders each chart as a code block with the info string mermaid', () => {
    const html = github(renderMarkdown(executiveView()));
    expect(html.match(/<pre><code class="language-mermaid">%%\{init: /g)).toHaveLength(5);
    expect(html).toContain('<pre><code class="language-mermaid">%%{init: {&quot;themeVariables&quot;');
  });

  it('keeps a hostile department name as text inside <summary>, with the tables after it intact', () => {
    const view = executiveView();
    view.departments![0]!.nombre = HOSTILE;
    const html = github(renderMarkdown(view));
    expect(html).not.toContain('<script');
    expect(html).toContain('<summary><strong>OP</strong> · &lt;/summary&gt;&lt;script&gt;alert(1)&lt;/script&gt; | `x` &quot;y&quot;</summary>');
    expect(departmentHtml(html, 'OP').match(/<table>/g)).toHaveLength(2);
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html.match(/<\/details>/g)).toHaveLength(2);
  });
});
