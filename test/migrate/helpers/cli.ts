import { main } from '../../../src/cli/main.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `wareview …` in-process with stdout and stderr captured, and with extra environment variables
 * set only for the call (passwords for WAREVIEW_SOURCE_PASSWORD / WAREVIEW_TARGET_PASSWORD).
 */
export async function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const { log, error } = console;
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  console.log = (...parts: unknown[]) => out.push(`${parts.join(' ')}\n`);
  console.error = (...parts: unknown[]) => err.push(`${parts.join(' ')}\n`);
  try {
    const code = await main([...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write;
    console.log = log;
    console.error = error;
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
