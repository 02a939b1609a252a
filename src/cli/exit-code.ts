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
