// Reads a rendered site the way a browser follows it: every href and id of every page, and
// whether each relative link lands on an existing file and anchor.
import path from 'node:path';

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

export function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => decode(m[1]!));
}

export function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!));
}

/** Links of the site's files (path → text, `/`-separated) that do not resolve, as `page → href`. */
export function brokenLinks(pages: ReadonlyMap<string, string>): string[] {
  const broken: string[] = [];
  for (const [page, html] of pages) {
    for (const href of hrefs(html)) {
      const [file, fragment] = href.split('#') as [string, string | undefined];
      const target = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(file)));
      const targetHtml = pages.get(target);
      if (targetHtml === undefined) {
        broken.push(`${page} → ${href}`);
        continue;
      }
      if (fragment !== undefined && fragment !== '' && !ids(targetHtml).includes(decodeURIComponent(fragment))) broken.push(`${page} → ${href}`);
    }
  }
  return broken;
}
