#!/usr/bin/env node
// Runs the TypeScript sources directly, so user check modules written in TypeScript load the same way.
import { register } from 'tsx/esm/api';

// The SDK warns on every run that its releases after January 2027 need Node 22; the versions locked
// here run on Node 20, so the notice would only be noise in a consultant's terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { installInterruptHandlers } = await import('../src/util/interrupt.ts');
installInterruptHandlers();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
