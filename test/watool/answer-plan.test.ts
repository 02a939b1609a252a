import { describe, expect, it } from 'vitest';
import {
  CHOICE_NOTE_TAG,
  EMPTY_ANSWER,
  ownSelections,
  planAnswer,
  type CurrentAnswer,
} from '../../src/watool/answer-plan.ts';
import { collectChoiceEvidence, verdictOf, wellArchitectedMapper } from '../../src/watool/evidence.ts';
import { findQuestion, loadWellArchitectedLens } from '../../src/watool/lens.ts';
import { WA_LIMITS, characterCount, trimAtWord } from '../../src/watool/limits.ts';
import { BLOCK_BEGIN, BLOCK_END, mergeNotes, splitNotes } from '../../src/watool/notes.ts';
import { findRunMilestone, runIdentity, runMilestoneName } from '../../src/watool/milestone.ts';
import { result, resultsDocument } from './fixtures.ts';

/** Half of a surrogate pair: what cutting a string by UTF-16 units leaves behind. */
const LONE_SURROGATE = /\p{Cs}/u;

describe('trimAtWord', () => {
  it.each([
    ['short text stays', 'alpha beta', 20, 'alpha beta'],
    ['cuts at the last space and marks the cut', 'alpha beta gamma', 12, 'alpha beta…'],
    ['never splits a word', 'alpha betagamma', 14, 'alpha…'],
    ['a single long word is cut hard', 'supercalifragilistic', 6, 'super…'],
    ['exact fit stays', 'alpha beta', 10, 'alpha beta'],
    ['counts an emoji as one character, as the WA Tool does', '😀'.repeat(10), 10, '😀'.repeat(10)],
    ['never leaves half of a surrogate pair', '😀'.repeat(10), 6, '😀'.repeat(5) + '…'],
    ['never splits a grapheme (flag, accent)', '🇩🇪🇩🇪🇩🇪 x', 6, '🇩🇪🇩🇪…'],
    ['keeps a combining accent with its letter', 'Cafe\u0301s', 5, 'Caf…'],
  ])('%s', (_name, text, max, expected) => {
    const trimmed = trimAtWord(text, max);
    expect(trimmed).toBe(expected);
    expect(characterCount(trimmed)).toBeLessThanOrEqual(max);
    expect(trimmed).not.toMatch(LONE_SURROGATE);
  });
});

describe('notes with a wareview block', () => {
  const block = (body: string) => `${BLOCK_BEGIN}\n${body}\n${BLOCK_END}`;
  it.each([
    ['empty notes', '', { own: '', block: undefined }],
    ['consultant text only', 'Met the team.', { own: 'Met the team.', block: undefined }],
    ['text and block', `Met the team.\n\n${block('old')}`, { own: 'Met the team.', block: 'old' }],
    ['text after the block stays', `${block('old')}\nAdded later.`, { own: 'Added later.', block: 'old' }],
    [
      'spaces and blank lines stay as written',
      `Interview:  \n\n\nKeine Runbooks …  \n`,
      { own: `Interview:  \n\n\nKeine Runbooks …  \n`, block: undefined },
    ],
    [
      "an unmatched begin marker is the consultant's text",
      `${BLOCK_BEGIN}\nhalf`,
      { own: `${BLOCK_BEGIN}\nhalf`, block: undefined },
    ],
  ])('splits %s', (_name, notes, expected) => {
    expect(splitNotes(notes)).toEqual(expected);
  });

  it('replaces only the block, in place, and is stable when merged twice', () => {
    const person = (inside: string) =>
      `Interview:  \n\n\nKeine Runbooks …  \n\n${inside}\n  Added later.  \n`;
    const once = mergeNotes(person(block('old')), ['new line'], WA_LIMITS.answerNotes).notes;
    expect(once).toBe(person(block('new line')));
    expect(mergeNotes(once, ['new line'], WA_LIMITS.answerNotes).notes).toBe(once);
  });

  it("appends a first block after the person's text, which stays byte for byte", () => {
    const notes = `Interview:  \n\n\nKeine Runbooks …  \n`;
    const merged = mergeNotes(notes, ['evidence'], WA_LIMITS.answerNotes).notes;
    expect(merged).toBe(`${notes}\n\n${block('evidence')}`);
    expect(splitNotes(merged).own).toBe(notes);
  });

  it('counts the limit in characters: emoji-rich notes of 1,455 characters still get a block', () => {
    const person = Array.from('Gespräch mit dem Team 😀 '.repeat(62)).slice(0, 1455).join('');
    expect(characterCount(person)).toBe(1455);
    expect(person.length).toBeGreaterThan(characterCount(person));
    const lines = Array.from({ length: 40 }, (_, index) => `RISK line ${index} with some words 😀 in it`);
    const merged = mergeNotes(person, lines, WA_LIMITS.answerNotes);
    expect(merged.blockWritten).toBe(true);
    expect(merged.notes.startsWith(person)).toBe(true);
    expect(characterCount(merged.notes)).toBeLessThanOrEqual(WA_LIMITS.answerNotes);
    expect(characterCount(merged.notes)).toBeGreaterThan(WA_LIMITS.answerNotes - 40);
    expect(merged.notes).not.toMatch(LONE_SURROGATE);
  });

  it('leaves the block out when the consultant text fills the notes', () => {
    const full = 'word '.repeat(416).trim();
    expect(
      mergeNotes(full, ['wareview evidence of today: many failures in many places'], WA_LIMITS.answerNotes),
    ).toEqual({
      notes: full,
      blockWritten: false,
    });
  });
});

describe('the evidence rule', () => {
  it.each([
    ['a failure wins over passes', { passed: 3, failures: 1, errors: 0, suppressed: 0 }, 'at-risk'],
    ['an error means not verified', { passed: 3, failures: 0, errors: 1, suppressed: 0 }, 'unverified'],
    ['passes alone prove', { passed: 1, failures: 0, errors: 0, suppressed: 0 }, 'proven'],
    [
      'suppressed failures beside passes still prove',
      { passed: 1, failures: 0, errors: 0, suppressed: 2 },
      'proven',
    ],
    ['only suppressed failures: accepted', { passed: 0, failures: 0, errors: 0, suppressed: 1 }, 'accepted'],
    ['nothing applicable: no evidence', { passed: 0, failures: 0, errors: 0, suppressed: 0 }, 'no-evidence'],
  ])('%s', (_name, counts, verdict) => {
    const many = (count: number) => Array.from({ length: count }, () => result('root-mfa', 'fail', 'x'));
    expect(
      verdictOf({
        questionId: 'q',
        choiceId: 'c',
        checkIds: [],
        passed: counts.passed,
        notApplicable: 0,
        failures: many(counts.failures),
        errors: many(counts.errors),
        suppressed: many(counts.suppressed),
      }),
    ).toBe(verdict);
  });
});

describe('planAnswer', () => {
  const question = findQuestion(loadWellArchitectedLens(), 'securely-operate')!;
  const evidenceFor = (...results: Parameters<typeof result>[]) =>
    collectChoiceEvidence(
      resultsDocument(results.map((args) => result(...args))),
      wellArchitectedMapper,
    ).filter((entry) => entry.questionId === question.id);
  const answer = (selected: string[], extra: Partial<CurrentAnswer> = {}): CurrentAnswer => ({
    ...EMPTY_ANSWER,
    selected,
    choices: new Map(selected.map((id) => [id, { status: 'SELECTED' as const }])),
    ...extra,
  });
  const plan = (
    current: CurrentAnswer,
    evidence = evidenceFor(['org-multi-account', 'pass', 'org'], ['root-mfa', 'fail', 'prod']),
    authoritative = false,
  ) =>
    planAnswer({
      lensAlias: 'wellarchitected',
      question,
      evidence,
      declaredNotApplicable: [],
      current,
      authoritative,
      evaluatedAt: '2026-11-27 02:20 UTC',
    });

  it.each([
    [
      'adds a proven choice to an empty answer',
      answer([]),
      false,
      ['sec_securely_operate_multi_accounts'],
      [],
    ],
    [
      "keeps a person's unrelated choice",
      answer(['sec_securely_operate_threat_model']),
      false,
      ['sec_securely_operate_multi_accounts', 'sec_securely_operate_threat_model'],
      [],
    ],
    [
      "keeps and flags a person's choice the evidence disproves",
      answer(['sec_securely_operate_aws_account']),
      false,
      ['sec_securely_operate_multi_accounts', 'sec_securely_operate_aws_account'],
      ['sec_securely_operate_aws_account'],
    ],
    [
      'unselects it with --authoritative',
      answer(['sec_securely_operate_aws_account']),
      true,
      ['sec_securely_operate_multi_accounts'],
      [],
    ],
    [
      'keeps a person\'s "None of these" and flags the proven choice',
      answer(['sec_securely_operate_no']),
      false,
      ['sec_securely_operate_no'],
      ['sec_securely_operate_no'],
    ],
    [
      'clears "None of these" with --authoritative',
      answer(['sec_securely_operate_no']),
      true,
      ['sec_securely_operate_multi_accounts'],
      [],
    ],
  ])('%s', (_name, current, authoritative, selected, flagged) => {
    const { update, change } = plan(current, undefined, authoritative);
    expect(update?.SelectedChoices).toEqual(selected);
    expect(change.flagged.map((flag) => flag.choice)).toEqual(flagged);
  });

  it('does not select a choice a person marked not applicable, and says so', () => {
    const current = answer([], {
      choices: new Map([
        [
          'sec_securely_operate_multi_accounts',
          { status: 'NOT_APPLICABLE' as const, reason: 'OUT_OF_SCOPE' },
        ],
      ]),
    });
    const { update, change } = plan(current);
    expect(update?.SelectedChoices).toEqual([]);
    expect(update?.ChoiceUpdates?.sec_securely_operate_multi_accounts).toBeUndefined();
    expect(change.flagged[0]?.reason).toContain('marked not applicable');
  });

  it("leaves a person's choice notes alone and writes its own tagged, within 250 characters", () => {
    const current = answer([], {
      choices: new Map([
        ['sec_securely_operate_aws_account', { status: 'UNSELECTED' as const, notes: 'Checked by hand.' }],
      ]),
    });
    const many = Array.from(
      { length: 30 },
      (_, index) =>
        ['org-multi-account', 'fail', `account-with-long-name-${index}`] as Parameters<typeof result>,
    );
    const { update } = plan(current, evidenceFor(...many, ['root-mfa', 'fail', 'prod']));
    expect(update?.ChoiceUpdates?.sec_securely_operate_aws_account).toBeUndefined();
    const own = update?.ChoiceUpdates?.sec_securely_operate_multi_accounts?.Notes ?? '';
    expect(
      own.startsWith(
        `${CHOICE_NOTE_TAG} 2026-11-27 02:20 UTC: not proven: 30 of 30 results fail (org-multi-account)`,
      ),
    ).toBe(true);
    expect(own.length).toBeLessThanOrEqual(WA_LIMITS.choiceNotes);
    expect(own.endsWith('…')).toBe(true);
  });

  it('plans no update when the answer already says what the evidence says', () => {
    const first = plan(answer([]));
    const after: CurrentAnswer = {
      selected: first.update!.SelectedChoices,
      choices: new Map(
        Object.entries(first.update!.ChoiceUpdates ?? {}).map(([id, update]) => [
          id,
          { status: update.Status!, reason: update.Reason, notes: update.Notes },
        ]),
      ),
      notes: first.update!.Notes,
      isApplicable: true,
    };
    expect(plan(after).update).toBeUndefined();
  });

  it.each([
    ['marks a configured choice not applicable with its reason', [], 'NOT_APPLICABLE', false],
    [
      "keeps a person's selection of it and flags the conflict",
      ['sec_securely_operate_threat_model'],
      undefined,
      true,
    ],
  ])('%s', (_name, selected, status, flagged) => {
    const result = planAnswer({
      lensAlias: 'wellarchitected',
      question,
      evidence: [],
      declaredNotApplicable: [
        {
          question: question.id,
          choice: 'sec_securely_operate_threat_model',
          reason: 'OUT_OF_SCOPE',
          note: 'no custom code',
        },
      ],
      current: answer(selected),
      authoritative: false,
      evaluatedAt: '2026-11-27 02:20 UTC',
    });
    const update = result.update?.ChoiceUpdates?.sec_securely_operate_threat_model;
    expect(update?.Status).toBe(status);
    if (status)
      expect(update).toMatchObject({
        Reason: 'OUT_OF_SCOPE',
        Notes: expect.stringContaining('no custom code'),
      });
    expect(result.change.flagged.some((flag) => flag.choice === 'sec_securely_operate_threat_model')).toBe(
      flagged,
    );
  });

  it('takes back its own not-applicable mark once the suppression is gone and the evidence proves the choice', () => {
    const current = answer([], {
      choices: new Map([
        [
          'sec_securely_operate_multi_accounts',
          {
            status: 'NOT_APPLICABLE' as const,
            reason: 'BUSINESS_PRIORITIES',
            notes: `${CHOICE_NOTE_TAG} earlier: accepted risk`,
          },
        ],
      ]),
    });
    const { update } = plan(current, evidenceFor(['org-multi-account', 'pass', 'org']));
    expect(update?.SelectedChoices).toEqual(['sec_securely_operate_multi_accounts']);
    expect(update?.ChoiceUpdates?.sec_securely_operate_multi_accounts?.Status).toBe('SELECTED');
  });

  it("drops its stale block when the consultant's notes leave no room for a new one, and warns", () => {
    const own = 'word '.repeat(400).trim();
    const { update, warnings } = plan(answer([], { notes: `${own}\n\n${BLOCK_BEGIN}\nold\n${BLOCK_END}` }));
    expect(update?.Notes).toBe(own);
    expect(warnings.join('\n')).toContain('leave no room');
  });

  /** The answer as the WA Tool holds it after `update` was applied to `current`. */
  const applied = (current: CurrentAnswer, update: NonNullable<ReturnType<typeof plan>['update']>) => {
    const choices = new Map(current.choices);
    for (const [id, state] of choices)
      if (state.status === 'SELECTED' && !update.SelectedChoices.includes(id))
        choices.set(id, { ...state, status: 'UNSELECTED' as const });
    for (const id of update.SelectedChoices) choices.set(id, { ...choices.get(id), status: 'SELECTED' });
    for (const [id, choice] of Object.entries(update.ChoiceUpdates ?? {}))
      choices.set(id, { status: choice.Status!, reason: choice.Reason, notes: choice.Notes });
    return { ...current, selected: update.SelectedChoices, choices, notes: update.Notes };
  };

  it('takes back its own selection once the evidence no longer proves it, and names it in its block', () => {
    const first = plan(answer([]), evidenceFor(['org-multi-account', 'pass', 'org']));
    expect(ownSelections(first.update!.Notes)).toEqual(new Set(['sec_securely_operate_multi_accounts']));
    const afterFirst = applied(answer([]), first.update!);

    const second = plan(afterFirst, evidenceFor(['org-multi-account', 'fail', 'org']));
    expect(second.update?.SelectedChoices).toEqual([]);
    expect(second.change.removed).toEqual(['sec_securely_operate_multi_accounts']);
    expect(second.change.flagged).toEqual([]);
    expect(ownSelections(second.update!.Notes).size).toBe(0);
  });

  it("never takes back a person's selection of the same choice without --authoritative", () => {
    const current = answer(['sec_securely_operate_multi_accounts'], { notes: 'Checked in the console.' });
    const { update, change } = plan(current, evidenceFor(['org-multi-account', 'fail', 'org']));
    expect(update?.SelectedChoices).toEqual(['sec_securely_operate_multi_accounts']);
    expect(change.flagged.map((flag) => flag.reason)).toEqual([
      'selected, but 1 of 1 results fail (org-multi-account)',
    ]);
  });

  it('rewrites nothing when only the date of the evidence changed', () => {
    const evidence = evidenceFor(['org-multi-account', 'pass', 'org'], ['root-mfa', 'fail', 'prod']);
    const first = plan(answer([]), evidence);
    const next = planAnswer({
      lensAlias: 'wellarchitected',
      question,
      evidence,
      declaredNotApplicable: [],
      current: applied(answer([]), first.update!),
      authoritative: false,
      evaluatedAt: '2026-11-28 02:20 UTC',
    });
    expect(next.update).toBeUndefined();
    expect(next.change.changed).toBe(false);
  });

  it('skips a question a person marked not applicable', () => {
    const { update, change } = plan(answer([], { isApplicable: false }));
    expect(update).toBeUndefined();
    expect(change.flagged[0]?.reason).toContain('not applicable');
  });
});

describe('milestone names', () => {
  it('carry the run identity, so a rerun finds the milestone of its run and no other', () => {
    const runId = '1a2b3c4d-0000-4000-8000-000000000000';
    const name = runMilestoneName('2026-11-27 02:20 UTC', runId);
    expect(name).toBe('wareview 2026-11-27 02:20 UTC (run 1a2b3c4d)');
    const milestones = [
      { number: 1, name: runMilestoneName('2026-11-27 02:20 UTC', 'ffffffff-0000') },
      { number: 2, name },
    ];
    expect(findRunMilestone(milestones, runId)).toEqual({ number: 2, name });
    expect(findRunMilestone(milestones, '99999999')).toBeUndefined();
  });

  it('fit the 100 characters of the API with any label', () => {
    const name = runMilestoneName('word '.repeat(40).trim(), 'abcdef0123456789');
    expect(characterCount(name)).toBeLessThanOrEqual(WA_LIMITS.milestoneName.max);
    expect(name.endsWith(' (run abcdef01)')).toBe(true);
  });

  it('identify results written before runId existed by workload and evaluation time', () => {
    const older = { workload: 'shop', evaluatedAt: '2026-11-27T02:20:31.000Z' };
    expect(runIdentity(older)).toBe(runIdentity({ ...older }));
    expect(runIdentity(older)).not.toBe(runIdentity({ ...older, evaluatedAt: '2026-11-28T02:20:31.000Z' }));
    expect(runIdentity({ ...older, runId: 'given' })).toBe('given');
  });
});
