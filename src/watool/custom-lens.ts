import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AREA_TITLES, type Area, type CheckMetadata, type Pillar } from '../engine/check.ts';
import { WareviewError } from '../errors.ts';
import { trimAtWord } from './limits.ts';

/**
 * wareview's checks as a WA Tool custom lens (format "2021-11-01", see data/custom-lens-format.md):
 * one pillar per WA pillar the checks belong to, one question per review area (split into parts of at
 * most 14 checks, since a question holds 15 choices including "None of these"), one choice per check.
 */
export const WAREVIEW_LENS_NAME = 'wareview checks';
export const CUSTOM_LENS_LIMITS = {
  pillars: 10,
  questionsPerPillar: 20,
  choicesPerQuestion: 15,
  riskRules: { min: 1, max: 3 },
  /** The spec allows 128; the API's ChoiceId is capped at 64, so ids stay within that. */
  idLength: { min: 3, max: 64 },
  name: 128,
  title: 128,
  text: 2048,
  bytes: 500 * 1024,
} as const;

const ID_PATTERN = /^[A-Za-z0-9_]+$/;
const L = CUSTOM_LENS_LIMITS;

const idSchema = z
  .string()
  .min(L.idLength.min)
  .max(L.idLength.max)
  .regex(ID_PATTERN, 'ids use [A-Za-z0-9_] only');
const resourceSchema = z
  .object({ displayText: z.string().min(1).max(L.text), url: z.string().url().optional() })
  .strict();

const choiceSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).max(L.title),
    helpfulResource: resourceSchema.optional(),
    improvementPlan: resourceSchema.optional(),
  })
  .strict()
  .refine((choice) => choice.id.endsWith('_no') || choice.improvementPlan !== undefined, {
    message: 'every choice except the "_no" one needs an improvementPlan',
  });

const questionSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).max(L.title),
    description: z.string().min(1).max(L.text),
    choices: z.array(choiceSchema).min(1).max(L.choicesPerQuestion),
    riskRules: z
      .array(
        z
          .object({ condition: z.string().min(1), risk: z.enum(['HIGH_RISK', 'MEDIUM_RISK', 'NO_RISK']) })
          .strict(),
      )
      .min(L.riskRules.min)
      .max(L.riskRules.max),
  })
  .strict()
  .superRefine((question, context) => {
    const ids = question.choices.map((choice) => choice.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', message: 'choice ids repeat' });
    if (!question.riskRules.some((rule) => rule.condition === 'default')) {
      context.addIssue({ code: 'custom', message: 'riskRules need a "default" rule' });
    }
    for (const rule of question.riskRules) {
      const unknown = (rule.condition.match(/[A-Za-z0-9_]+/g) ?? []).filter(
        (token) => token !== 'default' && !ids.includes(token),
      );
      if (unknown.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `risk rule names unknown choices: ${unknown.join(', ')}`,
        });
      }
    }
  });

export const customLensSchema = z
  .object({
    schemaVersion: z.literal('2021-11-01'),
    name: z.string().min(1).max(L.name),
    description: z.string().min(1).max(L.text),
    pillars: z
      .array(
        z
          .object({
            id: idSchema,
            name: z.string().min(1).max(L.title),
            questions: z.array(questionSchema).min(1).max(L.questionsPerPillar),
          })
          .strict(),
      )
      .min(1)
      .max(L.pillars),
  })
  .strict()
  .superRefine((lens, context) => {
    const questionIds = lens.pillars.flatMap((pillar) => pillar.questions.map((question) => question.id));
    if (new Set(questionIds).size !== questionIds.length) {
      context.addIssue({ code: 'custom', message: 'question ids must be unique within the lens' });
    }
    const bytes = Buffer.byteLength(JSON.stringify(lens));
    if (bytes > L.bytes)
      context.addIssue({ code: 'custom', message: `the lens is ${bytes} bytes; the limit is ${L.bytes}` });
  });

export type CustomLens = z.infer<typeof customLensSchema>;
type CustomQuestion = CustomLens['pillars'][number]['questions'][number];

const PILLAR_NAMES: Record<Pillar, { name: string; short: string }> = {
  operationalExcellence: { name: 'Operational Excellence', short: 'ops' },
  security: { name: 'Security', short: 'sec' },
  reliability: { name: 'Reliability', short: 'rel' },
  performance: { name: 'Performance Efficiency', short: 'perf' },
  costOptimization: { name: 'Cost Optimization', short: 'cost' },
  sustainability: { name: 'Sustainability', short: 'sus' },
};

/** A check's choice id: `wr_` + the id with underscores, shortened with a hash when it would pass 64. */
export function choiceIdFor(checkId: string): string {
  const id = `wr_${checkId.replace(/[^A-Za-z0-9]+/g, '_')}`;
  if (id.length <= L.idLength.max) return id;
  const hash = createHash('sha256').update(checkId).digest('hex').slice(0, 8);
  return `${id.slice(0, L.idLength.max - hash.length - 1)}_${hash}`;
}

/** Builds the lens from check metadata (sorted, so the same library always exports the same lens). */
export function buildCustomLens(checks: readonly CheckMetadata[], version: string): CustomLens {
  const sorted = [...checks].sort((a, b) => a.id.localeCompare(b.id));
  const pillars = (Object.keys(PILLAR_NAMES) as Pillar[])
    .map((pillar) => {
      const inPillar = sorted.filter((check) => check.pillar === pillar);
      const areas = [...new Set(inPillar.map((check) => check.area))].sort();
      return {
        id: pillar,
        name: PILLAR_NAMES[pillar].name,
        questions: areas.flatMap((area) =>
          areaQuestions(
            pillar,
            area,
            inPillar.filter((check) => check.area === area),
          ),
        ),
      };
    })
    .filter((pillar) => pillar.questions.length > 0);
  const lens: CustomLens = {
    schemaVersion: '2021-11-01',
    name: WAREVIEW_LENS_NAME,
    description: trimAtWord(
      `The ${sorted.length} automated checks of wareview ${version}, one choice per check. A choice is selected when every resource the check evaluated passes.`,
      L.text,
    ),
    pillars,
  };
  return validateCustomLens(lens);
}

const CHOICES_PER_PART = L.choicesPerQuestion - 1;

function areaQuestions(pillar: Pillar, area: Area, checks: CheckMetadata[]): CustomQuestion[] {
  const parts = Math.ceil(checks.length / CHOICES_PER_PART);
  return Array.from({ length: parts }, (_, index) => {
    const part = checks.slice(index * CHOICES_PER_PART, (index + 1) * CHOICES_PER_PART);
    const suffix = parts > 1 ? `_${index + 1}` : '';
    const id = `wr_${PILLAR_NAMES[pillar].short}_${area.replace(/-/g, '_')}${suffix}`;
    const title = `${AREA_TITLES[area]}${parts > 1 ? ` (part ${index + 1} of ${parts})` : ''}`;
    const choiceIds = part.map((check) => choiceIdFor(check.id));
    const severe = part
      .filter((check) => check.severity === 'critical' || check.severity === 'high')
      .map((check) => choiceIdFor(check.id));
    const riskRules: CustomQuestion['riskRules'] = [{ condition: choiceIds.join(' && '), risk: 'NO_RISK' }];
    if (severe.length > 0 && severe.length < choiceIds.length) {
      riskRules.push({ condition: severe.join(' && '), risk: 'MEDIUM_RISK' });
    }
    riskRules.push({ condition: 'default', risk: 'HIGH_RISK' });
    return {
      id,
      title: trimAtWord(title, L.title),
      description: trimAtWord(
        `Does the workload pass wareview's ${AREA_TITLES[area].toLowerCase()} checks? Select a check when every resource it evaluated passes.`,
        L.text,
      ),
      choices: [...part.map((check) => checkChoice(check)), { id: `${id}_no`, title: 'None of these' }],
      riskRules,
    };
  });
}

function checkChoice(check: CheckMetadata): CustomQuestion['choices'][number] {
  const practices = check.wellArchitected.map((mapping) => mapping.bestPractice).join(', ');
  const plan = [check.remediation.summary, ...check.remediation.steps].join(' ');
  return {
    id: choiceIdFor(check.id),
    title: trimAtWord(check.title, L.title),
    helpfulResource: {
      displayText: trimAtWord(
        `${check.description ?? check.title} (${check.severity}; ${practices})`,
        L.text,
      ),
      ...(check.docsUrl ? { url: check.docsUrl } : {}),
    },
    improvementPlan: {
      displayText: trimAtWord(plan, L.text),
      ...(check.docsUrl ? { url: check.docsUrl } : {}),
    },
  };
}

/** Validates a lens against the format's limits; a failure is a bug in the export (or a hand-edited file). */
export function validateCustomLens(lens: unknown): CustomLens {
  const parsed = customLensSchema.safeParse(lens);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || '(lens)'}: ${issue.message}`,
  );
  throw new WareviewError(
    'CUSTOM_LENS_INVALID',
    `the custom lens breaks the WA Tool's lens format:\n${problems.join('\n')}`,
    {
      source: 'user',
      hint: 'Export it again with `wareview lens export`; if a check library is too large, split it with --checks-dir.',
    },
  );
}
