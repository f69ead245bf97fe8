// Time vocabulary shared by the model, the calendar and the git adapter. The model owns it
// so that src/calendar and src/git import from the model, never the other way round: the
// model describes what it needs from a calendar and a history (`WorkCalendar`,
// `GitHistory`) and the edge supplies an implementation.

/** A calendar date written `YYYY-MM-DD`; compared as a calendar date, never as an instant. */
export type IsoDate = string;

/** `2019-T2`: fiscal year and quarter, as the YAML writes it. */
export type TrimestreId = string;

export type Quarter = 'T1' | 'T2' | 'T3' | 'T4';
export const QUARTERS: readonly Quarter[] = ['T1', 'T2', 'T3', 'T4'];

/** The year of a `YYYY-MM-DD` date or a `YYYY-Tn` quarter. */
export function yearOf(value: IsoDate | TrimestreId): number {
  return Number(value.slice(0, 4));
}

/** First and last day of each quarter, as `MM-DD`. */
const QUARTER_DAYS: Record<Quarter, readonly [first: string, last: string]> = {
  T1: ['01-01', '03-31'],
  T2: ['04-01', '06-30'],
  T3: ['07-01', '09-30'],
  T4: ['10-01', '12-31'],
};

/** A fiscal quarter: `2019-T2` parsed once, with its neighbours for multi-year sequences. */
export class Trimestre {
  private constructor(
    readonly year: number,
    readonly quarter: Quarter,
  ) {}

  static of(year: number, quarter: Quarter): Trimestre {
    return new Trimestre(year, quarter);
  }

  /** `2019-T2` → year 2019, quarter T2. Trusts a value that passed its schema. */
  static parse(id: TrimestreId): Trimestre {
    return new Trimestre(yearOf(id), id.slice(5) as Quarter);
  }

  /** 1 to 4. */
  get index(): number {
    return QUARTERS.indexOf(this.quarter) + 1;
  }

  /** The quarter's first calendar day: `2019-04-01` for 2019-T2. */
  get firstDay(): IsoDate {
    return `${this.year}-${QUARTER_DAYS[this.quarter][0]}`;
  }

  /** The quarter's last calendar day: `2019-06-30` for 2019-T2. */
  get lastDay(): IsoDate {
    return `${this.year}-${QUARTER_DAYS[this.quarter][1]}`;
  }

  next(): Trimestre {
    return this.quarter === 'T4' ? new Trimestre(this.year + 1, 'T1') : new Trimestre(this.year, QUARTERS[this.index]!);
  }

  previous(): Trimestre {
    return this.quarter === 'T1' ? new Trimestre(this.year - 1, 'T4') : new Trimestre(this.year, QUARTERS[this.index - 2]!);
  }

  toString(): TrimestreId {
    return `${this.year}-${this.quarter}`;
  }
}

/** `2019-T2` for 2019 and T2, the same string object each time: asked per meta and quarter, and Map keys hash once. */
export function trimestreId(year: number, quarter: Quarter): TrimestreId {
  let ids = TRIMESTRE_IDS.get(year);
  if (!ids) TRIMESTRE_IDS.set(year, (ids = { T1: `${year}-T1`, T2: `${year}-T2`, T3: `${year}-T3`, T4: `${year}-T4` }));
  return ids[quarter];
}

const TRIMESTRE_IDS = new Map<number, Record<Quarter, TrimestreId>>();

/** Quarter order, `2019-T4` before `2020-T1`: the schema's «2019-T1» form sorts as its text does. */
export function compareTrimestres(a: TrimestreId, b: TrimestreId): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits `2019-T2` into its year and quarter. */
export function parseTrimestre(trimestre: TrimestreId): { year: number; quarter: Quarter } {
  // `2019-T2`, the shape the schemas require, read without slicing (rules and reports parse
  // one per meta and quarter); anything else as Trimestre.parse reads it.
  if (trimestre.length === 7 && trimestre.charCodeAt(4) === 45 && trimestre.charCodeAt(5) === 84) {
    const d0 = trimestre.charCodeAt(0) - 48;
    const d1 = trimestre.charCodeAt(1) - 48;
    const d2 = trimestre.charCodeAt(2) - 48;
    const d3 = trimestre.charCodeAt(3) - 48;
    const q = trimestre.charCodeAt(6) - 49;
    if (d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && d3 >= 0 && d3 <= 9 && q >= 0 && q <= 3) {
      return { year: d0 * 1000 + d1 * 100 + d2 * 10 + d3, quarter: QUARTERS[q]! };
    }
  }
  const { year, quarter } = Trimestre.parse(trimestre);
  return { year, quarter };
}

export interface DeliveryWindow {
  quarter: Quarter;
  year: number;
  /** The business days of the window, in order. */
  days: IsoDate[];
  start: IsoDate;
  end: IsoDate;
}

export type DeliveryTiming =
  | { kind: 'a_tiempo' }
  | { kind: 'tarde'; businessDays: number }
  | { kind: 'anticipado'; businessDays: number };

/** What the model and the rules ask of the business calendar (src/calendar implements it). */
export interface WorkCalendar {
  isBusinessDay(day: IsoDate): boolean;
  deliveryWindow(year: number, quarter: Quarter): DeliveryWindow;
  timing(delivered: IsoDate, window: DeliveryWindow): DeliveryTiming;
  businessDaysAfter(from: IsoDate, to: IsoDate): number;
}

/** What the model carries about the git history (src/git reads it): the dates, or why there are none. */
export type GitHistory = { available: true; firstSeen: ReadonlyMap<string, IsoDate> } | { available: false; reason: string };
