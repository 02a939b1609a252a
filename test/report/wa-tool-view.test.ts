import { describe, expect, it } from 'vitest';
import { translator } from '../../src/report/i18n.ts';
import { waToolView } from '../../src/report/wa-tool-view.ts';
import { standardResults } from '../watool/fixtures.ts';

const t = translator('en');
const number = (value: number) => String(value);

describe("the report's WA Tool section", () => {
  it('names the questions with failing evidence, with the choices in question, beside the risk counts', () => {
    const view = waToolView(
      standardResults(),
      {
        workloadId: 'w-1',
        riskCounts: { HIGH: 2, UNANSWERED: 55 },
        lenses: [
          { alias: 'wellarchitected', riskCounts: { HIGH: 2, UNANSWERED: 55 } },
          { alias: 'arn:aws:wellarchitected:us-east-1:111122223333:lens/abc', riskCounts: { HIGH: 4 } },
        ],
      },
      t,
      number,
    )!;
    expect(view.lead).toContain('wareview answered 3 question(s) from proven evidence');
    expect(view.lead).toContain('2 question(s) carry failing evidence');
    expect(view.lead).toContain('counts them as unanswered, not as risks');
    expect(view.awaiting).toEqual([
      {
        title: 'How do you securely operate your workload?',
        choices: [{ title: 'Secure account root user and properties', failing: '1 of 2 results fail' }],
      },
      {
        title: 'How do you protect your data at rest?',
        choices: [{ title: 'Enforce encryption at rest', failing: '1 of 2 results fail' }],
      },
    ]);
    expect(view.lenses.map((lens) => lens.name)).toEqual([
      'AWS Well-Architected Framework',
      "wareview's custom lens",
    ]);
    expect(view.lenses[1]?.risks).toEqual([{ key: 'HIGH', label: 'High risk', count: '4' }]);
  });

  it('is left out when nothing was recorded', () => {
    expect(waToolView(standardResults(), undefined, t, number)).toBeUndefined();
  });
});
