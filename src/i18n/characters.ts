// Characters a message must name because the user cannot see them: letters of other scripts
// that look like Latin ones (a Cyrillic «О» in «ОP-01»), invisible ones (zero-width space,
// soft hyphen, BOM) and spaces and dashes that look like the ordinary ones. They come from
// copying out of Word, PDFs and chats. A message that quotes such a value beside the correct
// one shows two identical strings; this names the difference instead.
//
// A small table rather than the Unicode name database (a large dependency for ~70 names):
// the look-alikes of Latin letters in Cyrillic and Greek, the invisible and space
// characters that editors paste. Any other invisible format character (\p{Cf}) or unusual
// space (\p{Zs}) is still flagged, by code point only.
import { fill, joinWithAnd, type Lang, type Text } from './text.js';

type Kind = 'letter' | 'dash' | 'space' | 'invisible';

interface Known {
  name: string;
  kind: Kind;
  /** The ASCII character it passes for (letters and dashes). */
  looksLike?: string;
}

const KNOWN = new Map<number, Known>();

function letters(entries: Array<[number, string, string]>): void {
  for (const [code, name, looksLike] of entries) KNOWN.set(code, { name, kind: 'letter', looksLike });
}

letters([
  [0x0410, 'CYRILLIC CAPITAL LETTER A', 'A'],
  [0x0412, 'CYRILLIC CAPITAL LETTER VE', 'B'],
  [0x0415, 'CYRILLIC CAPITAL LETTER IE', 'E'],
  [0x041a, 'CYRILLIC CAPITAL LETTER KA', 'K'],
  [0x041c, 'CYRILLIC CAPITAL LETTER EM', 'M'],
  [0x041d, 'CYRILLIC CAPITAL LETTER EN', 'H'],
  [0x041e, 'CYRILLIC CAPITAL LETTER O', 'O'],
  [0x0420, 'CYRILLIC CAPITAL LETTER ER', 'P'],
  [0x0421, 'CYRILLIC CAPITAL LETTER ES', 'C'],
  [0x0422, 'CYRILLIC CAPITAL LETTER TE', 'T'],
  [0x0423, 'CYRILLIC CAPITAL LETTER U', 'Y'],
  [0x0425, 'CYRILLIC CAPITAL LETTER HA', 'X'],
  [0x0405, 'CYRILLIC CAPITAL LETTER DZE', 'S'],
  [0x0406, 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'I'],
  [0x0408, 'CYRILLIC CAPITAL LETTER JE', 'J'],
  [0x051a, 'CYRILLIC CAPITAL LETTER QA', 'Q'],
  [0x051c, 'CYRILLIC CAPITAL LETTER WE', 'W'],
  [0x0430, 'CYRILLIC SMALL LETTER A', 'a'],
  [0x0435, 'CYRILLIC SMALL LETTER IE', 'e'],
  [0x043e, 'CYRILLIC SMALL LETTER O', 'o'],
  [0x0440, 'CYRILLIC SMALL LETTER ER', 'p'],
  [0x0441, 'CYRILLIC SMALL LETTER ES', 'c'],
  [0x0443, 'CYRILLIC SMALL LETTER U', 'y'],
  [0x0445, 'CYRILLIC SMALL LETTER HA', 'x'],
  [0x0455, 'CYRILLIC SMALL LETTER DZE', 's'],
  [0x0456, 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'],
  [0x0458, 'CYRILLIC SMALL LETTER JE', 'j'],
  [0x04bb, 'CYRILLIC SMALL LETTER SHHA', 'h'],
  [0x051b, 'CYRILLIC SMALL LETTER QA', 'q'],
  [0x051d, 'CYRILLIC SMALL LETTER WE', 'w'],
  [0x0391, 'GREEK CAPITAL LETTER ALPHA', 'A'],
  [0x0392, 'GREEK CAPITAL LETTER BETA', 'B'],
  [0x0395, 'GREEK CAPITAL LETTER EPSILON', 'E'],
  [0x0396, 'GREEK CAPITAL LETTER ZETA', 'Z'],
  [0x0397, 'GREEK CAPITAL LETTER ETA', 'H'],
  [0x0399, 'GREEK CAPITAL LETTER IOTA', 'I'],
  [0x039a, 'GREEK CAPITAL LETTER KAPPA', 'K'],
  [0x039c, 'GREEK CAPITAL LETTER MU', 'M'],
  [0x039d, 'GREEK CAPITAL LETTER NU', 'N'],
  [0x039f, 'GREEK CAPITAL LETTER OMICRON', 'O'],
  [0x03a1, 'GREEK CAPITAL LETTER RHO', 'P'],
  [0x03a4, 'GREEK CAPITAL LETTER TAU', 'T'],
  [0x03a5, 'GREEK CAPITAL LETTER UPSILON', 'Y'],
  [0x03a7, 'GREEK CAPITAL LETTER CHI', 'X'],
  [0x03b1, 'GREEK SMALL LETTER ALPHA', 'a'],
  [0x03bd, 'GREEK SMALL LETTER NU', 'v'],
  [0x03bf, 'GREEK SMALL LETTER OMICRON', 'o'],
]);
for (const [code, name] of [
  [0x2010, 'HYPHEN'],
  [0x2011, 'NON-BREAKING HYPHEN'],
  [0x2012, 'FIGURE DASH'],
  [0x2013, 'EN DASH'],
  [0x2014, 'EM DASH'],
  [0x2212, 'MINUS SIGN'],
] as const) {
  KNOWN.set(code, { name, kind: 'dash', looksLike: '-' });
}
for (const [code, name] of [
  [0x00a0, 'NO-BREAK SPACE'],
  [0x2007, 'FIGURE SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
] as const) {
  KNOWN.set(code, { name, kind: 'space' });
}
for (const [code, name] of [
  [0x00ad, 'SOFT HYPHEN'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
] as const) {
  KNOWN.set(code, { name, kind: 'invisible' });
}

/** A character of a value that the user cannot tell from another, or cannot see at all. */
export interface OddCharacter {
  /** Position in the value, counting characters (code points) from 1. */
  position: number;
  /** `U+041E`. */
  codePoint: string;
  /** Its Unicode name, or undefined for one outside the table. */
  name?: string;
  kind: Kind;
  looksLike?: string;
}

/** At most this many characters are named; a value full of them gets «y N más». */
const MAX_NAMED = 3;

const OTHER_INVISIBLE = /^\p{Cf}$/u;
const OTHER_SPACE = /^\p{Zs}$/u;

/** `U+041E`: how a message names a character by its code point. */
export function codePointOf(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The look-alike and invisible characters of `value`, in order. */
export function oddCharacters(value: string): OddCharacter[] {
  const found: OddCharacter[] = [];
  // Plain ASCII (almost every value) has none: skip the per-character walk.
  if (!/[^\x20-\x7e\t\n\r]/.test(value)) return found;
  let position = 0;
  for (const char of value) {
    position++;
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    const codePoint = codePointOf(code);
    const known = KNOWN.get(code);
    if (known) found.push({ position, codePoint, ...known });
    else if (OTHER_INVISIBLE.test(char)) found.push({ position, codePoint, kind: 'invisible' });
    else if (OTHER_SPACE.test(char)) found.push({ position, codePoint, kind: 'space' });
  }
  return found;
}

const TEXT = {
  letter: { es: '(se ve igual que la «{ascii}» latina)', en: '(looks just like Latin "{ascii}")' },
  dash: { es: '(se ve como el guion «-»)', en: '(looks like the hyphen "-")' },
  space: { es: '(se ve como un espacio normal)', en: '(looks like an ordinary space)' },
  invisible: { es: '(no se ve)', en: '(invisible)' },
  at: { es: '{char} en la posición {position} {look}', en: '{char} at position {position} {look}' },
  more: { es: '{count} más', en: '{count} more' },
  sentence: {
    es: 'El valor contiene {list}: escríbalo de nuevo con el teclado, sin copiar y pegar.',
    en: 'The value contains {list}: type it again on the keyboard instead of pasting it.',
  },
} as const;

function sentence(value: string, lang: Lang): string | undefined {
  const odd = oddCharacters(value);
  if (odd.length === 0) return undefined;
  const parts = odd.slice(0, MAX_NAMED).map((c) =>
    fill(TEXT.at[lang], {
      char: c.name ? `${c.codePoint} ${c.name}` : c.codePoint,
      position: c.position,
      look: fill(TEXT[c.kind][lang], { ascii: c.looksLike ?? '' }),
    }),
  );
  if (odd.length > MAX_NAMED) parts.push(fill(TEXT.more[lang], { count: odd.length - MAX_NAMED }));
  return fill(TEXT.sentence[lang], { list: joinWithAnd(parts, lang) });
}

/**
 * One sentence naming the look-alike and invisible characters of `value` by code point,
 * Unicode name and position, in both languages; undefined when it has none. Holds no part
 * of the value itself (only code points and names), so it may go inside a message template.
 */
export function oddCharactersText(value: string): Text | undefined {
  const es = sentence(value, 'es');
  return es === undefined ? undefined : { es, en: sentence(value, 'en')! };
}
