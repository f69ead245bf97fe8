export type Lang = 'es' | 'en';

/** A user-facing text in both languages; Spanish is the default voice of the tool. */
export interface Text {
  es: string;
  en: string;
}

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function say(text: Text, lang: Lang, params?: Params): string {
  return fill(text[lang], params);
}

/** Quotes a value from the user's data for a message, trimmed so a long value cannot flood the terminal. */
export function quote(value: unknown, max = 60): string {
  const raw = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const flat = raw.replace(/\s+/g, ' ');
  return `«${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}»`;
}

export function listOf(values: readonly unknown[], lang: Lang): string {
  return joinWithAnd(values.map((v) => quote(v, 40)), lang);
}

/** `a, b y c` (`a, b and c`): texts already written, joined the way a sentence lists them. */
export function joinWithAnd(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** `2019-03-29` → `29/03/2019`, the way dates are written in Mexican offices. */
export function dayMonthYear(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
