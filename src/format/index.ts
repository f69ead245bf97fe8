import type { Formatter } from './formatter.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Output formats of `plan validate --format`; one module each. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, github, junit, sarif };
