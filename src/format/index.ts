import type { Formatter } from './formatter.js';
import type { FormatName } from './names.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Output formats of `plan validate --format`; one module each, one name in names.ts. */
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> & Readonly<Record<string, Formatter | undefined>> = { stylish, json, github, junit, sarif };
