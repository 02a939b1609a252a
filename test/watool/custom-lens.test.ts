import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckMetadata } from '../../src/engine/check.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import { importAndPublishLens } from '../../src/watool/custom-lens-api.ts';
import {
  CUSTOM_LENS_LIMITS,
  WAREVIEW_LENS_NAME,
  buildCustomLens,
  choiceIdFor,
  customLensSchema,
  validateCustomLens,
} from '../../src/watool/custom-lens.ts';
import { recordResults } from '../../src/watool/record.ts';
import { FakeWaTool } from './fake-wa-tool.ts';
import { CHECKS, standardResults } from './fixtures.ts';

function manyChecks(count: number, area: CheckMetadata['area'] = 'encryption'): CheckMetadata[] {
  const [template] = CHECKS;
  return Array.from({ length: count }, (_, index) => ({
    ...template!,
    id: `generated-check-${String(index).padStart(2, '0')}`,
    area,
    pillar: 'security',
  }));
}

describe('wareview lens export', () => {
  it('turns the built-in check library into a lens that passes the format schema', async () => {
    const checks = await loadChecks();
    const lens = buildCustomLens(checks, '0.1.0');
    expect(customLensSchema.safeParse(lens).success).toBe(true);
    const choiceIds = lens.pillars.flatMap((pillar) =>
      pillar.questions.flatMap((question) => question.choices.map((choice) => choice.id)),
    );
    for (const check of checks) expect(choiceIds).toContain(choiceIdFor(check.id));
    expect(Buffer.byteLength(JSON.stringify(lens))).toBeLessThan(CUSTOM_LENS_LIMITS.bytes);
  });

  it('splits an area with more than 14 checks into parts of at most 15 choices each', () => {
    const lens = buildCustomLens(manyChecks(30), '0.1.0');
    const questions = lens.pillars.flatMap((pillar) => pillar.questions);
    expect(questions.map((question) => [question.id, question.choices.length])).toEqual([
      ['wr_sec_encryption_1', 15],
      ['wr_sec_encryption_2', 15],
      ['wr_sec_encryption_3', 3],
    ]);
    for (const question of questions) {
      expect(question.choices.at(-1)).toEqual({ id: `${question.id}_no`, title: 'None of these' });
      expect(question.riskRules.at(-1)).toEqual({ condition: 'default', risk: 'HIGH_RISK' });
    }
  });

  it('keeps choice ids within 64 characters of [A-Za-z0-9_], distinct for long check ids', () => {
    const long = 'a'.repeat(50);
    const first = choiceIdFor(`${long}-first-variant-of-a-very-long-check-id`);
    const second = choiceIdFor(`${long}-second-variant-of-a-very-long-check-id`);
    expect(first).toMatch(/^[A-Za-z0-9_]{3,64}$/);
    expect(first).not.toBe(second);
  });

  const valid = () => structuredClone(buildCustomLens(CHECKS, '0.1.0'));
  const firstQuestion = (lens: ReturnType<typeof valid>) => lens.pillars[0]!.questions[0]!;
  it.each([
    [
      '11 pillars',
      (lens: ReturnType<typeof valid>) => {
        lens.pillars = Array.from({ length: 11 }, (_, index) => ({
          ...lens.pillars[0]!,
          id: `pillar_${index}`,
        }));
      },
      /pillars/,
    ],
    [
      '21 questions in a pillar',
      (lens: ReturnType<typeof valid>) => {
        lens.pillars[0]!.questions = Array.from({ length: 21 }, (_, index) => ({
          ...firstQuestion(lens),
          id: `q_${index}`,
        }));
      },
      /questions/,
    ],
    [
      '16 choices',
      (lens: ReturnType<typeof valid>) => {
        firstQuestion(lens).choices = Array.from({ length: 16 }, (_, index) => ({
          id: `c_${index}_no`,
          title: 'x',
        }));
      },
      /choices/,
    ],
    [
      'a hyphen in an id',
      (lens: ReturnType<typeof valid>) => {
        firstQuestion(lens).id = 'wr-bad-id';
      },
      /A-Za-z0-9_/,
    ],
    [
      'a choice without an improvement plan',
      (lens: ReturnType<typeof valid>) => {
        delete firstQuestion(lens).choices[0]!.improvementPlan;
      },
      /improvementPlan/,
    ],
    [
      'risk rules without "default"',
      (lens: ReturnType<typeof valid>) => {
        firstQuestion(lens).riskRules = [{ condition: firstQuestion(lens).choices[0]!.id, risk: 'NO_RISK' }];
      },
      /default/,
    ],
    [
      'four risk rules',
      (lens: ReturnType<typeof valid>) => {
        firstQuestion(lens).riskRules = Array.from({ length: 4 }, () => ({
          condition: 'default',
          risk: 'HIGH_RISK' as const,
        }));
      },
      /riskRules/,
    ],
    [
      'more than 500 KB',
      (lens: ReturnType<typeof valid>) => {
        lens.pillars = Array.from({ length: 10 }, (_, p) => ({
          id: `pillar_${p}`,
          name: 'P',
          questions: Array.from({ length: 20 }, (_, q) => ({
            ...firstQuestion(lens),
            id: `q_${p}_${q}`,
            description: 'd'.repeat(2048),
          })),
        }));
      },
      /limit is/,
    ],
  ])('refuses a lens with %s', (_name, spoil, message) => {
    const lens = valid();
    spoil(lens);
    expect(() => validateCustomLens(lens)).toThrow(message);
  });
});

describe('wareview lens import and recording into it', () => {
  let fake: FakeWaTool;
  let client: WellArchitectedClient;

  beforeEach(async () => {
    fake = new FakeWaTool();
    client = new WellArchitectedClient({
      region: 'us-east-1',
      endpoint: await fake.start(),
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
  });

  afterEach(async () => {
    client.destroy();
    await fake.stop();
  });

  it('imports, publishes once per content, and updates the same lens on a second import', async () => {
    const lens = buildCustomLens(CHECKS, '0.1.0');
    const first = await importAndPublishLens(client, lens);
    expect(first).toMatchObject({ updated: false, published: true });
    const again = await importAndPublishLens(client, lens);
    expect(again).toMatchObject({ lensArn: first.lensArn, updated: true, published: false });
    expect(
      [...fake.lenses.values()].filter((candidate) => candidate.name === WAREVIEW_LENS_NAME),
    ).toHaveLength(1);
    expect(fake.callsOf('ImportLens')).toHaveLength(2);
  });

  it('records the checks into the published lens with --lens wareview', async () => {
    const { lensArn } = await importAndPublishLens(client, buildCustomLens(CHECKS, '0.1.0'));
    const summary = await recordResults(standardResults(), { client, lenses: ['wareview'] });
    const [workload] = fake.workloads.values();
    expect(workload!.Lenses).toEqual(['wellarchitected', lensArn]);
    const answer = fake.answer(workload!.WorkloadId, lensArn, 'wr_rel_database_ha');
    expect(answer.selected).toEqual(['wr_rds_multi_az']);
    const accounts = fake.answer(workload!.WorkloadId, lensArn, 'wr_sec_account_separation');
    expect(accounts.selected).toEqual(['wr_org_multi_account']);
    expect(accounts.notes).toContain('RISK');
    expect(summary.lenses.map((lens) => lens.alias)).toEqual(['wellarchitected', lensArn]);
    expect(summary.lenses[1]?.riskCounts).toBeDefined();
  });

  it('says to import the lens first when it is missing', async () => {
    await expect(
      recordResults(standardResults(), { client, lenses: ['wareview'], dryRun: true }),
    ).rejects.toMatchObject({
      code: 'WATOOL_LENS_NOT_IMPORTED',
    });
  });
});
