import { describe, expect, it } from 'vitest';
import { ConcurrencyLimits } from '../../src/aws/limits.ts';

describe('ConcurrencyLimits', () => {
  it.each([
    { global: 4, perAccountRegion: 2, scopes: 1, expectedGlobal: 2, expectedScoped: 2 },
    { global: 4, perAccountRegion: 2, scopes: 5, expectedGlobal: 4, expectedScoped: 1 },
    { global: 10, perAccountRegion: 3, scopes: 2, expectedGlobal: 6, expectedScoped: 3 },
  ])(
    'global $global, per account and region $perAccountRegion over $scopes scopes',
    async ({ global, perAccountRegion, scopes, expectedGlobal, expectedScoped }) => {
      const limits = new ConcurrencyLimits({ global, perAccountRegion });
      let active = 0;
      let peak = 0;
      const activeByScope = new Map<string, number>();
      const peakByScope = new Map<string, number>();
      const releases: (() => void)[] = [];
      const requests = Array.from({ length: scopes * 6 }, (_, index) => {
        const scope = `s${index % scopes}`;
        return limits.run('111111111111', scope, async () => {
          active += 1;
          activeByScope.set(scope, (activeByScope.get(scope) ?? 0) + 1);
          peak = Math.max(peak, active);
          peakByScope.set(scope, Math.max(peakByScope.get(scope) ?? 0, activeByScope.get(scope) ?? 0));
          await new Promise<void>((resolve) => releases.push(resolve));
          active -= 1;
          activeByScope.set(scope, (activeByScope.get(scope) ?? 1) - 1);
        });
      });
      // Release requests one by one as they are admitted, until all have run.
      let done = false;
      const all = Promise.all(requests).then(() => {
        done = true;
      });
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        releases.shift()?.();
      }
      await all;
      expect(peak).toBe(expectedGlobal);
      expect(Math.max(...peakByScope.values())).toBe(expectedScoped);
    },
  );
});
