// How wide a text is in Arial, and how many lines it takes when wrapped: what decides a row
// height in Excel, and will decide line breaks in a PDF or a fixed-width HTML table. Counting
// characters would misjudge a line of capitals or of `i`s by half.

/** The font these metrics are for. Liberation Sans and Helvetica share its advance widths. */
export const METRICS_FONT = 'Arial';

/**
 * Advance widths of Arial, in thousandths of an em, of the characters from ' ' to '~'.
 */
const ARIAL_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** Other characters the reports use; an accented letter is as wide as its base letter. */
const ARIAL_OTHER: Record<string, number> = {
  '«': 556, '»': 556, '¿': 611, '¡': 333, '°': 400, '÷': 549, '×': 584, '≥': 549, '≤': 549, 'Σ': 618,
  '—': 1000, '–': 556, '…': 1000, '“': 333, '”': 333, '‘': 222, '’': 222, '•': 350,
};
/** Bold Arial is about this much wider than regular. */
const BOLD_FACTOR = 1.12;

/** Width of `text` in regular Arial, in ems. */
export function textWidth(text: string): number {
  return thousandths(text, 0, text.length) / 1000;
}

/** Width of `text` from `start` to before `end`, in thousandths of an em. */
function thousandths(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 32 && code <= 126) {
      width += ARIAL_ASCII[code - 32]!;
      continue;
    }
    // A character beyond ASCII, of one code unit or, astral, of a surrogate pair.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      width += otherWidth(text.slice(i, i + 2));
      i++;
    } else {
      width += otherWidth(text[i]!);
    }
  }
  return width;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Widths of the characters beyond ASCII met so far: normalizing one is slow, and texts repeat them. */
const otherWidths = new Map<string, number>();

/** Width of one character beyond ASCII, in thousandths of an em. */
function otherWidth(ch: string): number {
  let width = otherWidths.get(ch);
  if (width === undefined) {
    const base = ch.normalize('NFD').codePointAt(0) ?? 0;
    width = base >= 32 && base <= 126 ? (ARIAL_ASCII[base - 32] ?? 1000) : (ARIAL_OTHER[ch] ?? 1000);
    // Bounded: a text could bring any of a million characters.
    if (otherWidths.size < 10_000) otherWidths.set(ch, width);
  }
  return width;
}

/** What bold multiplies a width by. */
export function weightScale(bold: boolean): number {
  return bold ? BOLD_FACTOR : 1;
}

/**
 * How many lines `text` takes when word-wrapped into a line `room` ems wide: greedy, as
 * Excel and LibreOffice wrap (and as a PDF line breaker would), breaking a word only when it
 * is wider than a whole line. Each `\n` starts a paragraph.
 */
export function wrappedLineCount(text: string, room: number, bold = false): number {
  const scale = weightScale(bold);
  const space = textWidth(' ') * scale;
  let lines = 1;
  let used = 0;
  // Words are the pieces between blanks and line breaks, empty ones included (two blanks in a
  // row), measured where they stand instead of split out of the text.
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (code !== SPACE && code !== NEWLINE) continue;
    const wide = (thousandths(text, start, i) / 1000) * scale;
    start = i + 1;
    if ((used === 0 ? wide : used + space + wide) <= room) {
      used = used === 0 ? wide : used + space + wide;
    } else {
      if (used > 0) lines++; // the word starts a new line
      const whole = Math.max(1, Math.ceil(wide / room)); // and takes this many
      lines += whole - 1;
      used = wide - (whole - 1) * room;
    }
    if (code === NEWLINE && i < text.length) {
      // A new paragraph.
      lines++;
      used = 0;
    }
  }
  return lines;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
