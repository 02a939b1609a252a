/**
 * Exit codes: 0 done, 1 findings at or above --fail-on (or differences found), 2 usage or input error,
 * 3 bug, 4 the environment failed (AWS throttling or outage past the retries, network, endpoint down),
 * 5 the run folder was written but recording in the WA Tool failed (`record --results FILE` finishes it).
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3, environment: 4, recording: 5 } as const;

/** The exit code a command asks for without throwing (findings over the threshold, say). */
export const ExitCode = {
  value: EXIT.ok as number,
  set(code: number): void {
    this.value = Math.max(this.value, code);
  },
  reset(): void {
    this.value = EXIT.ok;
  },
};

/** The exit codes as `--help` shows them, top-level and per command. */
export const EXIT_CODES_HELP =
  'Exit codes: 0 done; 1 a finding at or above --fail-on (or an error result with --fail-on-gaps); ' +
  '2 a usage or input error (the message says what to do); 3 an internal error (--debug prints the stack); ' +
  '4 the environment failed (AWS throttling or outage past the retries, network, endpoint down); ' +
  '5 the run folder was written but recording in the WA Tool failed (record --results finishes it).';
