import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/i18n/similar.js';

const units = [
  { clave: 'km', nombre: 'kilometro' },
  { clave: 'persona', nombre: 'persona' },
  { clave: 'personas_atendidas', nombre: 'personas atendidas' },
];
const keys = (u: (typeof units)[number]) => [u.clave, u.nombre];

describe('closestMatch', () => {
  it('finds the candidate one of whose keys is a near miss', () => {
    expect(closestMatch('kilometros', units, keys)?.clave).toBe('km');
    expect(closestMatch('persnoa', units, keys)?.clave).toBe('persona');
  });

  it('gives nothing when no key is within the limit', () => {
    expect(closestMatch('luminaria', units, keys)).toBeUndefined();
  });

  it('takes the allowed distance from the limit, by the target’s length', () => {
    expect(closestMatch('kms', units, keys)?.clave).toBe('km');
    expect(closestMatch('kms', units, keys, () => 0)).toBeUndefined();
  });

  it('keeps candidate order on ties', () => {
    expect(closestMatch('ab', ['ac', 'ad'], (c) => [c])).toBe('ac');
  });

  it('prefers the closer of two candidates', () => {
    expect(closestMatch('abcdef', ['abcxyz', 'abcdeg'], (c) => [c], () => 3)).toBe('abcdeg');
  });
});
