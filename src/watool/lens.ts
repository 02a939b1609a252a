import { readFileSync } from 'node:fs';

/** The bundled Well-Architected lens: real question and choice ids (see src/watool/data/SOURCES.md). */
export interface LensChoice {
  id: string;
  title: string;
  bestPractice?: string;
  risk?: string;
}
export interface LensQuestion {
  id: string;
  code: string;
  title: string;
  pillarId: string;
  noneChoiceId: string;
  choices: LensChoice[];
}
export interface LensPillar {
  id: string;
  name: string;
  questions: LensQuestion[];
}
export interface Lens {
  alias: string;
  name: string;
  version: string;
  pillars: LensPillar[];
}

interface RawLens {
  lensAlias: string;
  lensName: string;
  lensVersion: string;
  pillars: { id: string; name: string; questions: Omit<LensQuestion, 'pillarId'>[] }[];
}

let cached: Lens | undefined;

export function loadWellArchitectedLens(): Lens {
  if (cached) return cached;
  const raw = JSON.parse(
    readFileSync(new URL('./data/wellarchitected-lens.json', import.meta.url), 'utf8'),
  ) as RawLens;
  cached = {
    alias: raw.lensAlias,
    name: raw.lensName,
    version: raw.lensVersion,
    pillars: raw.pillars.map((pillar) => ({
      id: pillar.id,
      name: pillar.name,
      questions: pillar.questions.map((question) => ({
        id: question.id,
        code: question.code,
        title: question.title,
        pillarId: pillar.id,
        noneChoiceId: question.noneChoiceId,
        choices: question.choices.map(({ id, title, bestPractice, risk }) => ({
          id,
          title,
          bestPractice,
          risk,
        })),
      })),
    })),
  };
  return cached;
}

export function findQuestion(lens: Lens, questionId: string): LensQuestion | undefined {
  for (const pillar of lens.pillars) {
    const question = pillar.questions.find((candidate) => candidate.id === questionId);
    if (question) return question;
  }
  return undefined;
}

export function allQuestions(lens: Lens): LensQuestion[] {
  return lens.pillars.flatMap((pillar) => pillar.questions);
}
