#!/usr/bin/env node
// Cuts a release of plan: `npm run release` (see "Publicar una versión" in the README).
//
// dist/ is git-ignored on the branches, but the GitHub Action and `npm install github:…#vX.Y.Z`
// run straight from a tag with no build step, so each release is a commit of its own: HEAD
// plus the built dist/, tagged vX.Y.Z, with the action's major tag moved onto it. The commit is
// written through a temporary index (git read-tree / add / write-tree / commit-tree): the
// branch, the index and the working tree are left exactly as they were.
//
// The release's package.json carries no scripts: npm prepares a git dependency (installs its
// dev dependencies and builds it) whenever it has a build, prepack, prepare or install script
// (pacote lib/git.js), and that build is what fails in global git installs
// (`sh: 1: tsc: not found`). The tarball is packed from the release commit itself, so the
// release asset, the tag and the action hold the same files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The action's interface version, independent of the package's 0.x numbers: `uses: ORGANIZACION/plan@v1`. */
const ACTION_MAJOR = 'v1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'release');

function fail(message) {
  process.stderr.write(`release: error: ${message}\n`);
  process.exit(1);
}

function git(args, options = {}) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...options }).trim();
}

function npm(args, cwd) {
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

const changes = git(['status', '--porcelain']);
if (changes !== '') fail(`hay cambios sin confirmar; confirme o descarte antes de publicar:\n${changes}`);

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const tag = `v${pkg.version}`;
if (git(['tag', '--list', tag]) !== '') {
  fail(`la etiqueta ${tag} ya existe. Suba la versión (npm version X.Y.Z --no-git-tag-version), confirme el cambio y vuelva a ejecutar npm run release.`);
}

npm(['run', 'clean'], ROOT);
npm(['run', 'build'], ROOT);
if (!existsSync(path.join(ROOT, 'dist/bundle/main.js'))) fail('la compilación no produjo dist/bundle/main.js.');

const work = mkdtempSync(path.join(tmpdir(), 'plan-release-'));
try {
  const env = { ...process.env, GIT_INDEX_FILE: path.join(work, 'index') };
  git(['read-tree', 'HEAD'], { env });
  // What npm would pack of dist/ (package.json «files»): the bundle bin/plan.js runs and the
  // precompiled validators, not the modules tsc writes nor the developers' tools.
  git(['add', '--force', '--', ...pkg.files.filter((file) => file.startsWith('dist/'))], { env });
  const { scripts: _scripts, ...releasePkg } = pkg;
  const blob = git(['hash-object', '-w', '--stdin'], { input: `${JSON.stringify(releasePkg, null, 2)}\n` });
  git(['update-index', '--cacheinfo', `100644,${blob},package.json`], { env });
  const tree = git(['write-tree'], { env });
  const message = `plan ${pkg.version}: versión publicada, con dist/ compilado\n\nPara la acción de GitHub (uses: ORGANIZACION/plan@${ACTION_MAJOR}) y la instalación desde la etiqueta; generado por npm run release.`;
  const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', message]);

  // The tarball from the commit's own files: what a clean checkout of the tag holds.
  const unpacked = path.join(work, 'paquete');
  mkdirSync(unpacked);
  execFileSync('sh', ['-c', 'git archive "$1" | tar -x -C "$2"', 'sh', commit, unpacked], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  mkdirSync(OUT, { recursive: true });
  npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', OUT], unpacked);
  const tarball = path.join(OUT, `${pkg.name}-${pkg.version}.tgz`);
  if (!existsSync(tarball)) fail(`npm pack no escribió ${path.relative(ROOT, tarball)}.`);

  git(['tag', '--annotate', tag, '--message', `plan ${pkg.version}`, commit]);
  git(['tag', '--force', ACTION_MAJOR, commit]);

  process.stdout.write(
    [
      `Versión ${pkg.version} lista:`,
      `  commit ${commit.slice(0, 12)} (HEAD más dist/ compilado; la rama actual no cambió)`,
      `  etiquetas ${tag} y ${ACTION_MAJOR}`,
      `  paquete ${path.relative(ROOT, tarball)}`,
      '',
      'Para publicarla:',
      `  git push origin ${tag}`,
      `  git push --force origin ${ACTION_MAJOR}`,
      `y en GitHub, cree la versión (Releases) de ${tag} y adjunte ${path.basename(tarball)}.`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
