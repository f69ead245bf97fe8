#!/usr/bin/env node
import { main } from '../dist/bundle/main.js';

const code = await main(process.argv);
// Once the output is out (a pipe or terminal may still hold it on some systems), exit without
// tearing down the heap, which took tens of milliseconds after a large plan.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
