import { describe, expect, it } from 'vitest';
import { baseRepo, validateFiles } from './helpers/fixture.js';

describe('the base fixture', () => {
  it('validates with no diagnostics at all', () => {
    expect(validateFiles(baseRepo())).toEqual([]);
  });
});
