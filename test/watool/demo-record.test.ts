import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/engine/evaluate.ts';
import { loadChecks } from '../../src/engine/loader.ts';
import type { ResultsDocument } from '../../src/engine/results.ts';
import { loadDemoEstate } from '../../src/inventory/demo.ts';
import { findQuestion, loadWellArchitectedLens } from '../../src/watool/lens.ts';
import { splitNotes } from '../../src/watool/notes.ts';
import { recordResults, type RecordSummary } from '../../src/watool/record.ts';
import { FakeWaTool } from './fake-wa-tool.ts';

/**
 * The bundled demo estate, evaluated with the whole check library and recorded: the WA Tool's answers
 * must agree with results.json choice by choice (expectations derived here, independently of the mapper).
 */
let fake: FakeWaTool;
let client: WellArchitectedClient;
let results: ResultsDocument;
let summary: RecordSummary;

beforeAll(async () => {
  fake = new FakeWaTool();
  client = new WellArchitectedClient({
    region: 'us-east-1',
    endpoint: await fake.start(),
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
  results = evaluateChecks(await loadChecks(), loadDemoEstate(), { now: new Date('2026-11-27T09:00:00Z') });
  summary = await recordResults(results, { client });
});

afterAll(async () => {
  client.destroy();
  await fake.stop();
});

interface Expected {
  question: string;
  choice: string;
  failing: number;
  passing: number;
  errors: number;
}

function expectedChoices(): Expected[] {
  const byChoice = new Map<string, Expected>();
  for (const check of results.checks) {
    const mine = results.results.filter((result) => result.checkId === check.id && !result.suppressed);
    for (const { question, choice } of check.wellArchitected) {
      const entry = byChoice.get(`${question}/${choice}`) ?? {
        question,
        choice,
        failing: 0,
        passing: 0,
        errors: 0,
      };
      entry.failing += mine.filter((result) => result.status === 'fail').length;
      entry.passing += mine.filter((result) => result.status === 'pass').length;
      entry.errors += mine.filter((result) => result.status === 'error').length;
      byChoice.set(`${question}/${choice}`, entry);
    }
  }
  return [...byChoice.values()];
}

describe('recording the demo review', () => {
  it('selects exactly the choices whose checks all pass, and notes every choice at risk', () => {
    const workloadId = summary.workload.id!;
    const expected = expectedChoices();
    expect(expected.some((entry) => entry.failing > 0)).toBe(true);
    expect(expected.some((entry) => entry.failing === 0 && entry.errors === 0 && entry.passing > 0)).toBe(
      true,
    );
    for (const entry of expected) {
      const answer = fake.answer(workloadId, 'wellarchitected', entry.question);
      const proven = entry.failing === 0 && entry.errors === 0 && entry.passing > 0;
      expect(answer.selected.includes(entry.choice), `${entry.choice} selected`).toBe(proven);
      const title = findQuestion(loadWellArchitectedLens(), entry.question)!.choices.find(
        (c) => c.id === entry.choice,
      )!.title;
      const block = splitNotes(answer.notes).block ?? '';
      if (entry.failing > 0) {
        expect(answer.choices.get(entry.choice)?.Notes, entry.choice).toMatch(/^\[wareview\] .*not proven/);
        if (!block.endsWith('…'))
          expect(block).toContain(`RISK ${title} (${entry.choice}): ${entry.failing} of`);
      }
    }
  });

  it('creates the milestone and reads back the risk counts the WA Tool computed', () => {
    const workload = [...fake.workloads.values()][0]!;
    expect(fake.milestones.get(workload.WorkloadId)).toHaveLength(1);
    expect(summary.lenses[0]?.riskCounts).toEqual(fake.riskCounts(workload, 'wellarchitected'));
  });

  it("keeps a consultant's later edits on the next run and changes nothing else", async () => {
    const workloadId = summary.workload.id!;
    const [question] = summary.questions;
    const answer = fake.answer(workloadId, 'wellarchitected', question!.questionId);
    const lensQuestion = findQuestion(loadWellArchitectedLens(), question!.questionId)!;
    const withEvidence = new Set(expectedChoices().map((entry) => entry.choice));
    const manual = lensQuestion.choices.find(
      (choice) => choice.id !== lensQuestion.noneChoiceId && !withEvidence.has(choice.id),
    )!.id;
    answer.selected = [...answer.selected, manual];
    answer.choices.set(manual, { Status: 'SELECTED', Notes: 'Confirmed in the workshop.' });
    answer.notes = `Workshop notes: the team plans a second region.\n\n${answer.notes}`;
    const updatesBefore = fake.callsOf('UpdateAnswer').length;

    const second = await recordResults(results, { client });

    expect(fake.callsOf('UpdateAnswer').length).toBe(updatesBefore);
    expect(second.answersUpdated).toBe(0);
    expect(answer.selected).toContain(manual);
    expect(answer.choices.get(manual)?.Notes).toBe('Confirmed in the workshop.');
    expect(answer.notes.startsWith('Workshop notes: the team plans a second region.')).toBe(true);
    // The same run recorded again finds its milestone instead of adding one.
    expect(fake.milestones.get(workloadId)).toHaveLength(1);
    expect(second.milestone?.state).toBe('found');
  });
});
