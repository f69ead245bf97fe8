import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);
// The seed lives in ../shared beside the repo (as in CI); without it, the quoting check is skipped.
const SEED_URL = new URL('../../../shared/seeds/000_0044f6051a59e4e5.txt', import.meta.url);
const SEED = existsSync(SEED_URL) ? readFileSync(SEED_URL, 'utf8') : undefined;
const normalize = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').toLowerCase();

// SPEC §3, plus
// PLAN006 for files in unexpected places PLAN007 for severity settings without effect
// PLAN008 for justifications without a reason or a finding, and PLAN009 for numbers
// outside the scale the reports can compute (issue 11).
const EXPECTED_IDS = [
  'PLAN001', 'PLAN002', 'PLAN003', 'PLAN004', 'PLAN005', 'PLAN006', 'PLAN007', 'PLAN008', 'PLAN009', 'PLAN010', 'PLAN011', 'PLAN012', 'PLAN013', 'PLAN014', 'PLAN015',
  'PLAN020', 'PLAN021', 'PLAN022', 'PLAN023', 'PLAN024', 'PLAN025', 'PLAN026', 'PLAN029', 'PLAN030', 'PLAN031', 'PLAN040',
  'PLAN041', 'PLAN042', 'PLAN043', 'PLAN044', 'PLAN050', 'PLAN060', 'PLAN061', 'PLAN062',
];

describe('the rule registry', () => {
  it('lists every rule of the spec once, in id order', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(EXPECTED_IDS);
  });

  it('registers every rule module in src/rules/', () => {
    const modules = readdirSync(RULES_DIR).filter((f) => /^PLAN\d{3}-.*\.ts$/.test(f)).map((f) => f.slice(0, 7)).sort();
    expect(modules).toEqual(EXPECTED_IDS);
  });

  for (const rule of RULES) {
    const { meta } = rule;
    it(`${meta.id} has Spanish and English title and hint, a rationale and examples`, () => {
      expect(meta.title.es.length).toBeGreaterThan(5);
      expect(meta.title.en.length).toBeGreaterThan(5);
      expect(meta.hint.es.length).toBeGreaterThan(5);
      expect(meta.hint.en.length).toBeGreaterThan(5);
      expect(meta.rationale.length).toBeGreaterThan(80);
      expect(meta.examples?.invalid).toBeTruthy();
      expect(meta.examples?.valid).toBeTruthy();
      for (const [id, text] of Object.entries(meta.messages)) {
        expect(text.es, `${meta.id}.${id}`).toBeTruthy();
        expect(text.en, `${meta.id}.${id}`).toBeTruthy();
      }
    });

    it.skipIf(SEED === undefined)(`${meta.id} quotes the Plan de Mejora word for word in its rationale`, () => {
      const quotes = [...meta.rationale.matchAll(/«([^»]{12,})»/g)].map((m) => m[1]!);
      expect(quotes.length).toBeGreaterThan(0);
      const seed = normalize(SEED!);
      const found = quotes.some((q) => seed.includes(normalize(q).replace(/…/g, '').trim().slice(0, 40)));
      expect(found, `${meta.id}: ${quotes.join(' | ')}`).toBe(true);
    });
  }
});
