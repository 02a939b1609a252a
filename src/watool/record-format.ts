import { basename } from 'node:path';
import { splitNotes } from './notes.ts';
import type { QuestionChange, RecordSummary } from './record.ts';

/**
 * The human-readable account of a recording, question by question: `+` added, `=` kept, `!` flagged,
 * `-` unselected, `~` not applicable, then the change to wareview's block in the notes.
 */
export function formatRecordSummary(summary: RecordSummary): string {
  const lines: string[] = [];
  const { workload } = summary;
  lines.push(
    summary.dryRun ? `Dry run: nothing is written to the WA Tool.` : `Recorded in the WA Tool.`,
    `Workload: ${workload.name}${workload.id ? ` (${workload.id})` : ' (not created yet)'}${workload.created ? ', created now' : ''}`,
  );
  const changed = summary.questions.filter((question) => question.changed);
  lines.push(
    `${summary.questions.length} question(s) with evidence; ${changed.length} ${summary.dryRun ? 'would change' : 'changed'}.`,
  );
  for (const question of summary.questions) lines.push('', ...formatQuestion(question, summary.dryRun));
  lines.push('', milestoneLine(summary));
  for (const lens of summary.lenses) {
    if (lens.riskCounts) {
      const counts = Object.entries(lens.riskCounts)
        .map(([risk, count]) => `${risk} ${count}`)
        .join(', ');
      lines.push(`Risks in the WA Tool (${lens.alias}): ${counts}`);
    }
  }
  // The path may be a staging folder renamed into place later (review --record): name the file only.
  if (summary.reportPdf)
    lines.push(`WA Tool lens review report saved as ${basename(summary.reportPdf)} in the run folder.`);
  return `${lines.join('\n')}\n`;
}

function formatQuestion(question: QuestionChange, dryRun: boolean): string[] {
  const status = question.changed ? (dryRun ? 'would change' : 'updated') : 'unchanged';
  const lines = [`[${question.questionId}] ${question.title} (${status})`];
  const list = (mark: string, ids: string[]) => ids.forEach((id) => lines.push(`  ${mark} ${id}`));
  list('+', question.added);
  list(
    '=',
    question.kept.filter((id) => !question.added.includes(id)),
  );
  list('-', question.removed);
  list('~', question.notApplicable);
  for (const flag of question.flagged) lines.push(`  ! ${flag.choice}: ${flag.reason}`);
  if (question.noneCleared) lines.push('  - "None of these" cleared');
  for (const note of question.choiceNotes) {
    lines.push(`  note ${note.choice}: ${note.after}`);
  }
  const before = splitNotes(question.notesBefore).block ?? '';
  const after = splitNotes(question.notesAfter).block ?? '';
  if (before !== after) {
    lines.push('  notes (wareview block):');
    const beforeLines = new Set(before.split('\n').filter(Boolean));
    const afterLines = new Set(after.split('\n').filter(Boolean));
    for (const line of beforeLines) if (!afterLines.has(line)) lines.push(`    - ${line}`);
    for (const line of afterLines) if (!beforeLines.has(line)) lines.push(`    + ${line}`);
  }
  return lines;
}

function milestoneLine(summary: RecordSummary): string {
  const { milestone } = summary;
  if (!milestone) return `No milestone: ${summary.milestoneSkipped ?? 'nothing was written'}.`;
  switch (milestone.state) {
    case 'planned':
      return `Would create milestone "${milestone.name}".`;
    case 'found':
      return `Milestone ${milestone.number}: ${milestone.name} (made by an earlier recording of this run; not created again)`;
    default:
      return `Milestone ${milestone.number}: ${milestone.name}`;
  }
}
