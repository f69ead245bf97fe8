import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placementOf, SCHEMA_FILE } from '../src/repo/layout.js';
import { copyOfExamples } from './helpers/examples.js';

const PACKAGE_SCHEMAS = fileURLToPath(new URL('../schemas/', import.meta.url));
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/;

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

describe('examples/ is a self-contained plan repository', () => {
  const copy = copyOfExamples();
  const dataFiles = filesUnder(copy).filter((file) => placementOf(file) !== undefined);

  it('has a modeline in every data file that resolves, inside the copy, to the schema of its kind', () => {
    expect(dataFiles.length).toBeGreaterThan(60);
    for (const file of dataFiles) {
      const match = MODELINE.exec(readFileSync(path.join(copy, file), 'utf8').split('\n')[0]!);
      expect(match, file).not.toBeNull();
      const schema = path.resolve(path.dirname(path.join(copy, file)), match![1]!);
      expect(schema, file).toBe(path.join(copy, 'schemas', SCHEMA_FILE[placementOf(file)!.kind]));
      expect(existsSync(schema), file).toBe(true);
    }
  });

  it('carries the package schemas byte for byte, so editor help matches what plan validate checks', () => {
    const names = readdirSync(PACKAGE_SCHEMAS).filter((name) => name.endsWith('.schema.json')).sort();
    expect(readdirSync(path.join(copy, 'schemas')).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(path.join(copy, 'schemas', name), 'utf8'), `examples/schemas/${name}: copie schemas/${name}`).toBe(readFileSync(path.join(PACKAGE_SCHEMAS, name), 'utf8'));
    }
  });

  it('maps every schema in .vscode/settings.json to a schema file inside the copy', () => {
    const settings = JSON.parse(readFileSync(path.join(copy, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    const mapped = Object.keys(settings['yaml.schemas']);
    expect(mapped.sort()).toEqual(Object.values(SCHEMA_FILE).map((name) => `./schemas/${name}`).sort());
    for (const schema of mapped) expect(existsSync(path.join(copy, schema)), schema).toBe(true);
  });
});
