// The strict YAML library (eemeli's yaml), loaded the first time a file needs it: a run whose
// files all take the fast path (fast.ts), or all come from the cache, never parses strictly,
// and loading the library's forty modules was a tenth of a pull request's check.
import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

export function strictYaml(): YamlLibrary {
  return (library ??= createRequire(import.meta.url)('yaml') as YamlLibrary);
}
