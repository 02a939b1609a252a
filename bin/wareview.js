#!/usr/bin/env node
// Runs the TypeScript sources directly, so user check modules written in TypeScript load the same way.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
