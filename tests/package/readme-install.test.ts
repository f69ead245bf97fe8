// The README's Instalación section names versions, the tarball, the action's tag and the
// GitLab install line: they must be the ones this version ships, so bumping the version
// without updating the README fails here (pack-install.test.ts runs the same commands).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from './project.js';

const README = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
const VERSION = (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

function codeBlocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('README, Instalación', () => {
  it('names this version everywhere it names one', () => {
    const install = section('Instalación');
    const versions = [...install.matchAll(/(?:plan-de-mejora-|[#@/]v|plan --version +# )(\d+\.\d+\.\d+)/g)].map((m) => m[1]);
    expect(versions.length).toBeGreaterThan(8);
    expect(new Set(versions)).toEqual(new Set([VERSION]));
  });

  it('shows the GitLab install line of the template plan init writes', () => {
    const template = parse(readFileSync(path.join(PROJECT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as { default: { image: string; before_script: string[] } };
    const snippet = parse(codeBlocks(section('Instalación'), 'yaml').find((b) => b.includes('before_script'))!) as { default: unknown };
    expect(snippet.default).toEqual({ image: template.default.image, before_script: template.default.before_script });
  });

  it('uses the action at the major tag npm run release moves', () => {
    const major = /const ACTION_MAJOR = '(v\d+)';/.exec(readFileSync(path.join(PROJECT, 'tools/release.mjs'), 'utf8'))?.[1];
    expect(major).toBe('v1');
    expect(codeBlocks(section('Instalación'), 'yaml').join('')).toContain(`      - uses: ORGANIZACION/plan@${major}\n`);
  });

  it('names each input of action.yml', () => {
    const { inputs } = parse(readFileSync(path.join(PROJECT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    for (const input of Object.keys(inputs)) expect(section('Instalación'), input).toContain(`\`${input}\``);
  });
});

describe('README commands', () => {
  it('never run plan through a bare npx plan, which fetches an unrelated package', () => {
    const lines = codeBlocks(README, 'sh').flatMap((block) => block.split('\n'));
    expect(lines.filter((line) => /^\s*npx\s+plan\b/.test(line) || /&&\s*npx\s+plan\b/.test(line))).toEqual([]);
  });
});
