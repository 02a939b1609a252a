/**
 * Typed errors: a code, who is at fault (the user's input, the environment the tool runs against, or the
 * tool itself) and what to do. The CLI prints `message` and `hint` for user errors (exit 2) and
 * environment failures (exit 4), and the stack only with --debug.
 */
export type ErrorSource = 'user' | 'environment' | 'tool';

export class WareviewError extends Error {
  readonly code: string;
  readonly source: ErrorSource;
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { source?: ErrorSource; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'WareviewError';
    this.code = code;
    this.source = options.source ?? 'user';
    this.hint = options.hint;
  }
}

export function userError(code: string, message: string, hint?: string, cause?: unknown): WareviewError {
  return new WareviewError(code, message, { source: 'user', hint, cause });
}

/** AWS or the network failed past the retries: nothing in the user's input to fix, try again later. */
export function environmentError(
  code: string,
  message: string,
  hint?: string,
  cause?: unknown,
): WareviewError {
  return new WareviewError(code, message, { source: 'environment', hint, cause });
}

export function isWareviewError(error: unknown): error is WareviewError {
  return error instanceof WareviewError;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
