import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load.js';
import type { GitHistory } from '../../src/model/time.js';
import { baseRepo, DEFAULT_CUTOFF, writeRepo } from '../helpers/fixture.js';

const NO_HISTORY: GitHistory = { available: false, reason: 'not_a_repo' };

function load(reglas?: Record<string, string>) {
  const files = baseRepo();
  if (reglas) files['plan.yaml'].reglas = reglas;
  let asked = 0;
  const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: DEFAULT_CUTOFF, readHistory: () => (asked++, NO_HISTORY) });
  return { model, asked };
}

describe('git history, read by the loader only when PLAN029 needs it', () => {
  it('asks for the history once when plan.yaml leaves PLAN029 on, and hands it to the model', () => {
    const { model, asked } = load();
    expect(asked).toBe(1);
    expect(model.history).toEqual(NO_HISTORY);
  });

  it('does not ask for the history when plan.yaml turns PLAN029 off, in Spanish or in English', () => {
    expect(load({ PLAN029: 'desactivada' }).asked).toBe(0);
    expect(load({ PLAN029: 'off' }).asked).toBe(0);
  });
});
