import {
  UpdateAnswerCommand,
  WellArchitectedClient,
  type UpdateAnswerCommandInput,
} from '@aws-sdk/client-wellarchitected';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_BEGIN, BLOCK_END, splitNotes } from '../../src/watool/notes.ts';
import { recordResults, type RecordOptions } from '../../src/watool/record.ts';
import { formatRecordSummary } from '../../src/watool/record-format.ts';
import { FakeWaTool } from './fake-wa-tool.ts';
import { RUN_ID, result, resultsDocument, standardResults } from './fixtures.ts';

let fake: FakeWaTool;
let client: WellArchitectedClient;
let outDir: string;

beforeEach(async () => {
  fake = new FakeWaTool();
  const endpoint = await fake.start();
  client = new WellArchitectedClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 4,
  });
  outDir = await mkdtemp(join(tmpdir(), 'wareview-record-'));
});

afterEach(async () => {
  client.destroy();
  await fake.stop();
  await rm(outDir, { recursive: true, force: true });
});

const WRITE_OPERATIONS = ['CreateWorkload', 'AssociateLenses', 'UpdateAnswer', 'CreateMilestone'];

function options(extra: Partial<RecordOptions> = {}): RecordOptions {
  return { client, outDir, ...extra };
}

function onlyWorkload() {
  const [workload] = fake.workloads.values();
  if (!workload) throw new Error('no workload');
  return workload;
}

function answerOf(question: string) {
  return fake.answer(onlyWorkload().WorkloadId, 'wellarchitected', question);
}

/** A consultant's workload, answered by hand before wareview runs. */
function seedConsultantWorkload(): string {
  const { WorkloadId } = fake.createWorkload({
    WorkloadName: 'orders-platform',
    Description: 'Orders platform, reviewed on site',
    Environment: 'PRODUCTION',
    AwsRegions: ['eu-west-1'],
    ReviewOwner: 'lead architect',
    Lenses: ['wellarchitected'],
  });
  const securely = fake.answer(WorkloadId, 'wellarchitected', 'securely-operate');
  securely.selected = ['sec_securely_operate_aws_account', 'sec_securely_operate_control_objectives'];
  for (const id of securely.selected) securely.choices.set(id, { Status: 'SELECTED' });
  securely.choices.set('sec_securely_operate_control_objectives', {
    Status: 'SELECTED',
    Notes: 'Agreed with the CISO.',
  });
  securely.notes = 'Interviewed the platform team: root credentials are in a safe.';
  const isolation = fake.answer(WorkloadId, 'wellarchitected', 'fault-isolation');
  isolation.selected = ['rel_fault_isolation_no'];
  isolation.choices.set('rel_fault_isolation_no', { Status: 'SELECTED' });
  isolation.notes = 'Team believes everything runs in one AZ.';
  return WorkloadId;
}

describe('recording into a new workload', () => {
  it('creates the workload, answers from the evidence, a milestone, the PDF and the risk counts', async () => {
    const summary = await recordResults(standardResults(), options());

    const workload = onlyWorkload();
    expect(summary.workload).toMatchObject({
      id: workload.WorkloadId,
      name: 'orders-platform',
      created: true,
    });
    expect(workload).toMatchObject({
      WorkloadName: 'orders-platform',
      Environment: 'PRODUCTION',
      AwsRegions: ['eu-west-1'],
      AccountIds: ['123456789012'],
      Lenses: ['wellarchitected'],
      Tags: { 'managed-by': 'wareview' },
    });

    const expectedSelections: [string, string[]][] = [
      ['fault-isolation', ['rel_fault_isolation_multiaz_region_system']],
      ['withstand-component-failures', ['rel_withstand_component_failures_failover2good']],
      ['securely-operate', ['sec_securely_operate_multi_accounts']],
      ['protect-data-rest', []],
      ['protect-data-transit', []],
      ['protect-compute', []],
    ];
    for (const [question, selected] of expectedSelections) {
      expect(answerOf(question).selected, question).toEqual(selected);
    }
    expect(fake.callsOf('UpdateAnswer')).toHaveLength(6);

    const securely = splitNotes(answerOf('securely-operate').notes).block ?? '';
    expect(securely).toContain(
      'RISK Secure account root user and properties (sec_securely_operate_aws_account): 1 of 2 results fail (root-mfa): prod-account',
    );
    expect(securely).toContain(
      'PROVEN Separate workloads using accounts (sec_securely_operate_multi_accounts)',
    );
    expect(securely).toContain('2026-11-27 02:20 UTC');
    expect(answerOf('protect-data-rest').notes).toContain('vol-0a1');
    expect(answerOf('protect-data-rest').notes).not.toContain('vol-0b2 [');
    expect(answerOf('protect-compute').notes).toContain('NOT VERIFIED');
    expect(answerOf('protect-data-transit').choices.get('sec_protect_data_transit_encrypt')).toMatchObject({
      Status: 'NOT_APPLICABLE',
      Reason: 'BUSINESS_PRIORITIES',
      Notes: expect.stringContaining('decommissioned in Q1'),
    });

    const milestoneName = `wareview 2026-11-27 02:20 UTC (run ${RUN_ID.slice(0, 8)})`;
    expect(milestoneNames()).toEqual([milestoneName]);
    expect(summary.milestone).toEqual({ number: 1, name: milestoneName, state: 'created' });
    const pdf = await readFile(join(outDir, 'wa-tool-lens-review.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('Workload: orders-platform');
    expect(summary.lenses[0]?.riskCounts).toEqual(fake.riskCounts(workload, 'wellarchitected'));
    expect(summary.lenses[0]?.riskCounts?.UNANSWERED).toBe(57 - 3);
  });

  it('finds an existing workload by its exact name across pages of similar names', async () => {
    fake.pageSize = 2;
    for (const name of ['orders-platform-old', 'orders-platform-2', 'orders-platform-test']) {
      fake.createWorkload({
        WorkloadName: name,
        Description: 'decoy',
        Environment: 'PRODUCTION',
        AwsRegions: ['eu-west-1'],
        ReviewOwner: 'someone',
        Lenses: ['wellarchitected'],
      });
    }
    const target = seedConsultantWorkload();
    const summary = await recordResults(standardResults(), options());
    expect(summary.workload).toMatchObject({ id: target, created: false });
    expect(fake.callsOf('CreateWorkload')).toHaveLength(0);
    expect(fake.callsOf('ListWorkloads').length).toBeGreaterThan(1);
  });
});

describe("a consultant's answers", () => {
  it('keeps manual selections, notes and "None of these", and flags each contradiction once', async () => {
    seedConsultantWorkload();
    const summary = await recordResults(standardResults(), options());

    const securely = answerOf('securely-operate');
    expect(securely.selected).toEqual([
      'sec_securely_operate_multi_accounts',
      'sec_securely_operate_aws_account',
      'sec_securely_operate_control_objectives',
    ]);
    expect(
      securely.notes.startsWith(
        'Interviewed the platform team: root credentials are in a safe.\n\n' + BLOCK_BEGIN,
      ),
    ).toBe(true);
    const block = splitNotes(securely.notes).block ?? '';
    expect(block).toContain(
      'CONTRADICTION Secure account root user and properties (sec_securely_operate_aws_account): selected, but 1 of 2 results fail (root-mfa).',
    );
    expect(block.match(/sec_securely_operate_aws_account/g)).toHaveLength(1);
    expect(block).not.toContain('org-multi-account),');
    expect(block).toContain('Selected by wareview: sec_securely_operate_multi_accounts.');
    expect(securely.choices.get('sec_securely_operate_control_objectives')?.Notes).toBe(
      'Agreed with the CISO.',
    );

    // A person's "None of these" stays without --authoritative; the proven choice is flagged instead.
    const isolation = answerOf('fault-isolation');
    expect(isolation.selected).toEqual(['rel_fault_isolation_no']);
    expect(isolation.notes.startsWith('Team believes everything runs in one AZ.\n\n')).toBe(true);
    expect(isolation.notes).toContain('"None of these" is selected, but the evidence proves');
    expect(summary.questions.find((question) => question.questionId === 'fault-isolation')?.noneCleared).toBe(
      false,
    );
  });

  it('clears a person\'s "None of these" for a proven choice only with --authoritative', async () => {
    seedConsultantWorkload();
    const summary = await recordResults(standardResults(), options({ authoritative: true }));
    const isolation = answerOf('fault-isolation');
    expect(isolation.selected).toEqual(['rel_fault_isolation_multiaz_region_system']);
    expect(isolation.choices.get('rel_fault_isolation_no')?.Notes).toContain('"None of these" was cleared');
    expect(summary.questions.find((question) => question.questionId === 'fault-isolation')?.noneCleared).toBe(
      true,
    );
  });

  it("with --authoritative unselects a person's choice the evidence disproves", async () => {
    seedConsultantWorkload();
    const summary = await recordResults(standardResults(), options({ authoritative: true }));
    expect(answerOf('securely-operate').selected).toEqual([
      'sec_securely_operate_multi_accounts',
      'sec_securely_operate_control_objectives',
    ]);
    expect(summary.questions.find((question) => question.questionId === 'securely-operate')?.removed).toEqual(
      ['sec_securely_operate_aws_account'],
    );
  });

  it('fits the evidence beside long consultant notes without cutting a word or their text', async () => {
    const workloadId = seedConsultantWorkload();
    const consultant = 'Long interview notes. '.repeat(75).trim();
    fake.answer(workloadId, 'wellarchitected', 'protect-data-rest').notes = consultant;
    const failures = Array.from({ length: 40 }, (_, index) =>
      result('ebs-encrypted', 'fail', `volume-with-a-rather-long-descriptive-name-${index}`),
    );
    await recordResults(resultsDocument(failures), options());

    const notes = answerOf('protect-data-rest').notes;
    expect(notes.length).toBeLessThanOrEqual(2084);
    expect(notes.startsWith(consultant)).toBe(true);
    const block = splitNotes(notes).block ?? '';
    expect(block).toContain('40 of 40 results fail (ebs-encrypted)');
    expect(block.endsWith('…')).toBe(true);
    expect(notes.endsWith(BLOCK_END)).toBe(true);
    for (const word of block
      .replace('…', '')
      .split(/[\s,]+/)
      .filter((item) => item.startsWith('volume-'))) {
      expect(word, 'a resource name was cut').toMatch(/^volume-with-a-rather-long-descriptive-name-\d+$/);
    }
  });
});

describe('--dry-run', () => {
  it('writes nothing to a new workload and says what would change', async () => {
    const summary = await recordResults(standardResults(), options({ dryRun: true }));
    expect(fake.calls.filter((call) => WRITE_OPERATIONS.includes(call.operation))).toEqual([]);
    expect(fake.workloads.size).toBe(0);
    const text = formatRecordSummary(summary);
    expect(text).toContain('Dry run: nothing is written');
    expect(text).toContain('[securely-operate]');
    expect(text).toContain('  + sec_securely_operate_multi_accounts');
    expect(text).toContain('  ~ sec_protect_data_transit_encrypt');
  });

  it('reads an existing workload, writes nothing and predicts exactly what a real run then does', async () => {
    seedConsultantWorkload();
    const before = structuredClone([...fake.answers]);
    const dry = await recordResults(standardResults(), options({ dryRun: true }));
    expect(fake.calls.filter((call) => WRITE_OPERATIONS.includes(call.operation))).toEqual([]);
    expect([...fake.answers]).toEqual(before);
    const text = formatRecordSummary(dry);
    expect(text).toContain(
      '  ! sec_securely_operate_aws_account: selected, but 1 of 2 results fail (root-mfa)',
    );
    expect(text).toContain('  = sec_securely_operate_control_objectives');
    expect(text).toContain(
      '  ! rel_fault_isolation_no: "None of these" is selected, but the evidence proves',
    );

    const real = await recordResults(standardResults(), options());
    expect(
      real.questions.map(({ added, flagged, removed, notesAfter }) => ({
        added,
        flagged,
        removed,
        notesAfter,
      })),
    ).toEqual(
      dry.questions.map(({ added, flagged, removed, notesAfter }) => ({
        added,
        flagged,
        removed,
        notesAfter,
      })),
    );
  });
});

describe('throttling', () => {
  it('retries throttled calls, including a milestone whose response was lost, without a duplicate', async () => {
    fake.faults.push(
      { operation: 'GetAnswer', times: 1 },
      { operation: 'UpdateAnswer', times: 2 },
      { operation: 'CreateMilestone', times: 1, after: true },
    );
    const summary = await recordResults(standardResults(), options());
    expect(fake.calls.filter((call) => call.status === 429).map((call) => call.operation)).toEqual([
      'GetAnswer',
      'UpdateAnswer',
      'UpdateAnswer',
      'CreateMilestone',
    ]);
    expect(fake.milestones.get(onlyWorkload().WorkloadId)).toHaveLength(1);
    expect(summary.milestone?.number).toBe(1);
    expect(answerOf('securely-operate').selected).toEqual(['sec_securely_operate_multi_accounts']);
  });

  it('stops with advice when throttling outlasts the retries, and the rerun finishes the rest once', async () => {
    seedConsultantWorkload();
    // Two answers go through, then every attempt (maxAttempts 4) of the third is throttled.
    fake.faults.push({ operation: 'UpdateAnswer', skip: 2, times: 4 });
    await expect(recordResults(standardResults(), options())).rejects.toMatchObject({
      code: 'WATOOL_THROTTLED',
      hint: expect.stringContaining('Run the same command again'),
    });
    expect(fake.callsOf('UpdateAnswer')).toHaveLength(2);
    expect(fake.milestones.get(onlyWorkload().WorkloadId) ?? []).toHaveLength(0);

    const rerun = await recordResults(standardResults(), options());
    expect(rerun.answersUpdated).toBe(6 - 2);
    expect(fake.milestones.get(onlyWorkload().WorkloadId)).toHaveLength(1);
  });
});

describe('failures say what to do and leave answers alone', () => {
  it.each([
    [
      'a denied call',
      { operation: 'ListWorkloads', times: 1, error: 'AccessDeniedException' as const },
      'WATOOL_ACCESS_DENIED',
      /wellarchitected actions/,
    ],
    [
      'a throttled call beyond the retries',
      { operation: 'ListWorkloads', times: 4 },
      'WATOOL_THROTTLED',
      /Run the same command again/,
    ],
  ])('%s', async (_name, fault, code, hint) => {
    fake.faults.push(fault);
    await expect(recordResults(standardResults(), options())).rejects.toMatchObject({
      code,
      hint: expect.stringMatching(hint),
    });
    expect(fake.callsOf('UpdateAnswer')).toHaveLength(0);
  });

  it('reports an unreachable endpoint', async () => {
    const closed = new WellArchitectedClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    await expect(recordResults(standardResults(), { client: closed })).rejects.toMatchObject({
      code: 'WATOOL_UNREACHABLE',
    });
    closed.destroy();
  });

  it('refuses a workload at 100 milestones before writing any answer', async () => {
    const workloadId = seedConsultantWorkload();
    fake.milestones.set(
      workloadId,
      Array.from({ length: 100 }, (_, index) => ({
        number: index + 1,
        name: `m${index}`,
        recordedAt: 0,
        answers: new Map(),
      })),
    );
    await expect(recordResults(standardResults(), options())).rejects.toMatchObject({
      code: 'WATOOL_MILESTONES_FULL',
    });
    expect(fake.callsOf('UpdateAnswer')).toHaveLength(0);
  });

  it('creates the workload of a large organization with the first 100 account ids and says so', async () => {
    const results = standardResults();
    results.inventory.scope.accounts = Array.from({ length: 150 }, (_, index) =>
      String(100000000000 + index),
    );
    const summary = await recordResults(results, options());
    expect(onlyWorkload().AccountIds).toHaveLength(100);
    expect(summary.warnings.join('\n')).toContain('100 of the 150 account ids');
  });
});

describe('a workload on another lens version', () => {
  it('skips evidence for choices the live lens does not offer, with a warning, instead of failing', async () => {
    const lens = fake.lenses.get('wellarchitected')!;
    const securely = lens.questions.find((question) => question.id === 'securely-operate')!;
    securely.choices = securely.choices.filter(
      (choice) => choice.id !== 'sec_securely_operate_multi_accounts',
    );
    seedConsultantWorkload();
    const summary = await recordResults(standardResults(), options());
    expect(summary.warnings.join('\n')).toContain(
      "choice sec_securely_operate_multi_accounts is not in the workload's version of lens wellarchitected",
    );
    expect(answerOf('securely-operate').selected).not.toContain('sec_securely_operate_multi_accounts');
    expect(answerOf('withstand-component-failures').selected).toEqual([
      'rel_withstand_component_failures_failover2good',
    ]);
  });
});

describe('the fake WA Tool enforces the API constraints', () => {
  const refusals: [string, Partial<UpdateAnswerCommandInput>, RegExp][] = [
    ['an unknown choice id', { SelectedChoices: ['sec_securely_operate_made_up'] }, /not a choice/],
    ['notes over 2084 characters', { Notes: 'x'.repeat(2085) }, /2084/],
    [
      'choice notes over 250 characters',
      {
        ChoiceUpdates: {
          sec_securely_operate_multi_accounts: { Status: 'SELECTED', Notes: 'x'.repeat(251) },
        },
      },
      /250/,
    ],
    [
      '"None of these" with another choice',
      { SelectedChoices: ['sec_securely_operate_no', 'sec_securely_operate_multi_accounts'] },
      /None of these/,
    ],
  ];
  it.each(refusals)('refuses %s with a ValidationException', async (_name, input, message) => {
    const workloadId = seedConsultantWorkload();
    await expect(
      client.send(
        new UpdateAnswerCommand({
          WorkloadId: workloadId,
          LensAlias: 'wellarchitected',
          QuestionId: 'securely-operate',
          ...input,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(message) });
  });
});

/** The same estate, evaluated again later: a new run with the same verdicts. */
function nextDaysRun(days: number) {
  const results = standardResults();
  results.runId = `00000000-0000-4000-8000-${String(days).padStart(12, '0')}`;
  results.evaluatedAt = new Date(Date.parse(results.evaluatedAt) + days * 86_400_000).toISOString();
  return results;
}

function milestoneNames(): string[] {
  return (fake.milestones.get(onlyWorkload().WorkloadId) ?? []).map((milestone) => milestone.name);
}

describe('recording the same run again', () => {
  it('finds the milestone of the run instead of creating "(2)", and writes nothing', async () => {
    seedConsultantWorkload();
    await recordResults(standardResults(), options());
    const after = structuredClone([...fake.answers]);
    const second = await recordResults(standardResults(), options());
    expect(second.answersUpdated).toBe(0);
    expect([...fake.answers]).toEqual(after);
    expect(milestoneNames()).toHaveLength(1);
    expect(second.milestone).toMatchObject({ number: 1, state: 'found' });
    expect(formatRecordSummary(second)).toContain('not created again');
  });

  it('after a kill right after CreateMilestone reached the service, the rerun creates no second one', async () => {
    const oneShot = new WellArchitectedClient({
      region: 'us-east-1',
      endpoint: fake.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    // The milestone is stored, the answer never reaches the client: the process sees a failure and stops.
    fake.faults.push({
      operation: 'CreateMilestone',
      times: 1,
      after: true,
      error: 'InternalServerException',
    });
    const killed = recordResults(standardResults(), options({ client: oneShot }));
    await expect(killed).rejects.toThrow();
    oneShot.destroy();
    expect(milestoneNames()).toHaveLength(1);

    const rerun = await recordResults(standardResults(), options());
    expect(milestoneNames()).toHaveLength(1);
    expect(rerun.milestone).toMatchObject({ number: 1, state: 'found' });
    expect(rerun.answersUpdated).toBe(0);
  });

  it('after throttling outlasted the retries of CreateMilestone, says so truthfully and the rerun finishes once', async () => {
    // The first attempt is stored but its answer is throttled away; the retries are throttled too.
    fake.faults.push(
      { operation: 'CreateMilestone', times: 1, after: true },
      { operation: 'CreateMilestone', times: 3 },
    );
    const failure = await recordResults(standardResults(), options()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'WATOOL_THROTTLED' });
    const message = (failure as Error).message;
    expect(message).toContain('6 answer(s) updated');
    expect(message).toContain('the milestone was requested but its answer was lost');
    expect(message).not.toContain('no milestone was created');

    const rerun = await recordResults(standardResults(), options());
    expect(milestoneNames()).toHaveLength(1);
    expect(rerun.milestone?.state).toBe('found');
  });

  it('after an UpdateAnswer whose answer was lost, the rerun writes the rest and one milestone', async () => {
    const oneShot = new WellArchitectedClient({
      region: 'us-east-1',
      endpoint: fake.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    fake.faults.push({
      operation: 'UpdateAnswer',
      skip: 2,
      times: 1,
      after: true,
      error: 'InternalServerException',
    });
    // The third answer is stored, but the client only knows of the two before it.
    await expect(recordResults(standardResults(), options({ client: oneShot }))).rejects.toThrow(
      /written before the failure: 2 answer\(s\) updated, no milestone was created/,
    );
    oneShot.destroy();
    expect(fake.callsOf('UpdateAnswer')).toHaveLength(2);
    const rerun = await recordResults(standardResults(), options());
    expect(rerun.answersUpdated).toBe(6 - 3);
    expect(milestoneNames()).toHaveLength(1);
    expect(answerOf('securely-operate').selected).toEqual(['sec_securely_operate_multi_accounts']);
  });
});

describe('milestone policy for daily scans', () => {
  it('a new run with the same verdicts rewrites no note and creates no milestone (default: changed)', async () => {
    seedConsultantWorkload();
    await recordResults(standardResults(), options());
    const after = structuredClone([...fake.answers]);
    const updates = fake.callsOf('UpdateAnswer').length;
    for (let day = 1; day <= 3; day += 1) {
      const summary = await recordResults(nextDaysRun(day), options());
      expect(summary.milestone).toBeUndefined();
      expect(summary.milestoneSkipped).toContain('no answer or risk count changed');
    }
    expect(fake.callsOf('UpdateAnswer')).toHaveLength(updates);
    expect([...fake.answers]).toEqual(after);
    expect(milestoneNames()).toHaveLength(1);
  });

  it('creates a milestone when a person changed the risk counts in the console since the last one', async () => {
    const workloadId = seedConsultantWorkload();
    await recordResults(standardResults(), options());
    const console = fake.answer(workloadId, 'wellarchitected', 'detect-investigate-events');
    console.selected = ['sec_detect_investigate_events_app_service_logging'];
    console.choices.set('sec_detect_investigate_events_app_service_logging', { Status: 'SELECTED' });
    const summary = await recordResults(nextDaysRun(1), options());
    expect(summary.answersUpdated).toBe(0);
    expect(summary.milestone?.state).toBe('created');
    expect(milestoneNames()).toHaveLength(2);
  });

  it.each([
    ['always', 2],
    ['never', 0],
  ] as const)('--milestone %s', async (policy, expected) => {
    seedConsultantWorkload();
    await recordResults(standardResults(), options({ milestone: policy }));
    await recordResults(nextDaysRun(1), options({ milestone: policy }));
    expect(milestoneNames()).toHaveLength(expected);
  });

  it('warns well before the 100-milestone limit', async () => {
    const workloadId = seedConsultantWorkload();
    fake.milestones.set(
      workloadId,
      Array.from({ length: 85 }, (_, index) => ({
        number: index + 1,
        name: `m${index}`,
        recordedAt: 0,
        answers: new Map(),
      })),
    );
    const summary = await recordResults(standardResults(), options());
    expect(summary.warnings.join('\n')).toContain("has 85 of the WA Tool's 100 milestones");
  });

  it('dry run names the milestone it would create and the choice notes it would write', async () => {
    const summary = await recordResults(standardResults(), options({ dryRun: true }));
    const text = formatRecordSummary(summary);
    expect(text).toContain(
      `Would create milestone "wareview 2026-11-27 02:20 UTC (run ${RUN_ID.slice(0, 8)})".`,
    );
    expect(text).toContain(
      '  note sec_protect_data_transit_encrypt: [wareview] 2026-11-27 02:20 UTC: accepted risk',
    );
  });
});

describe('provenance across runs', () => {
  it("takes back a choice wareview selected once the evidence disproves it; a person's stays", async () => {
    seedConsultantWorkload();
    await recordResults(standardResults(), options());
    expect(answerOf('securely-operate').selected).toContain('sec_securely_operate_multi_accounts');
    const disproven = nextDaysRun(1);
    disproven.results = disproven.results.map((entry) =>
      entry.checkId === 'org-multi-account' ? { ...entry, status: 'fail' as const } : entry,
    );
    const summary = await recordResults(disproven, options());
    const securely = answerOf('securely-operate');
    expect(securely.selected).toEqual([
      'sec_securely_operate_aws_account',
      'sec_securely_operate_control_objectives',
    ]);
    const change = summary.questions.find((question) => question.questionId === 'securely-operate');
    expect(change?.removed).toEqual(['sec_securely_operate_multi_accounts']);
    expect(change?.flagged.map((flag) => flag.choice)).toEqual(['sec_securely_operate_aws_account']);
    expect(summary.milestone?.state).toBe('created');
  });
});

describe('a workload whose lens version lacks a question', () => {
  it('skips that question with a warning and completes the run, milestone included', async () => {
    const lens = fake.lenses.get('wellarchitected')!;
    lens.questions = lens.questions.filter((question) => question.id !== 'protect-compute');
    seedConsultantWorkload();
    const summary = await recordResults(standardResults(), options());
    expect(summary.warnings.join('\n')).toContain(
      "protect-compute: the question is not in the workload's version of lens wellarchitected",
    );
    expect(summary.questions.map((question) => question.questionId)).not.toContain('protect-compute');
    expect(summary.milestone?.state).toBe('created');
    expect(answerOf('securely-operate').selected).toContain('sec_securely_operate_multi_accounts');
  });
});

describe("the WA Tool client from the project's client factory", () => {
  it('uses the standard endpoint, credential and region settings and retries throttling', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL_WELLARCHITECTED: fake.endpoint,
    });
    try {
      fake.faults.push({ operation: 'ListWorkloads', times: 2 });
      const summary = await recordResults(standardResults(), { outDir });
      expect(summary.milestone?.state).toBe('created');
      expect(fake.calls.filter((call) => call.status === 429)).toHaveLength(2);
    } finally {
      process.env = saved;
    }
  });

  it('asks for a region when none is set', async () => {
    const saved = { ...process.env };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      await expect(recordResults(standardResults(), { outDir })).rejects.toMatchObject({
        code: 'WATOOL_REGION',
        hint: expect.stringContaining('AWS_REGION'),
      });
    } finally {
      process.env = saved;
    }
  });
});
