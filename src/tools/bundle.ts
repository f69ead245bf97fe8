// Part of `npm run build`, after tsc and precompile-schemas: bundles what `plan` runs into
// dist/bundle/, which bin/plan.js loads. Node's ES module loader resolves, reads, compiles and
// links each of the ~140 modules of a validation on its own, on the main thread and again on
// each pool thread; in a few files the same code starts about 150 ms sooner on two cores. What
// a command loads lazily (the report, its renderers) stays in chunks of its own, loaded as late.
//
// The entries keep the names the code asks for beside itself (parallel/pool.ts `./worker.js`,
// report/render/thread.ts `./thread-worker.js`), and dist/bundle/ sits two folders below the
// package root as the modules tsc writes do, so io/package-files.ts and the precompiled
// validators (schema/validator.ts) are found from either.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const DIST = fileURLToPath(new URL('../', import.meta.url));
const OUT = fileURLToPath(new URL('../bundle/', import.meta.url));

/**
 * Packages taken into the bundle: small, and loaded by every command. The others stay in
 * node_modules: they are large and loaded late (exceljs, playwright-core, handlebars), or
 * CommonJS that finds its own files (ajv, whose runtime the precompiled validators require;
 * yaml, loaded only to place findings).
 */
const INLINED = /^(commander|chalk|date-fns|js-yaml)(\/|$)/;

rmSync(OUT, { recursive: true, force: true });
await build({
  cwd: DIST,
  input: { main: 'cli/main.js', worker: 'parallel/worker.js', 'thread-worker': 'report/render/thread-worker.js' },
  platform: 'node',
  external: (id) => id.startsWith('node:') || (/^[a-z@]/.test(id) && !INLINED.test(id)),
  output: { dir: OUT, format: 'esm' },
});
