import type { Formatter } from './formatter.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

/** Output formats of `plan validate --format`; one module each. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json };
