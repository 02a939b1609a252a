import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/**
 * A local stand-in for the AWS Well-Architected Tool REST-JSON API, for the operations wareview uses.
 * Routes and shapes follow the serializers of @aws-sdk/client-wellarchitected; constraints follow the API
 * reference (name and notes lengths, choice ids of the real `wellarchitected` lens, unique milestone names,
 * idempotency tokens). State is plain maps; faults (throttling) are injected per operation.
 */

interface LensModel {
  alias: string;
  arn: string;
  name: string;
  version: string;
  status: 'DRAFT' | 'PUBLISHED';
  custom: boolean;
  json?: string;
  questions: {
    id: string;
    pillarId: string;
    title: string;
    noneChoiceId: string;
    choices: { id: string; title: string; risk: 'HIGH' | 'MEDIUM' | 'NONE' }[];
  }[];
}

interface ChoiceState {
  Status: 'SELECTED' | 'UNSELECTED' | 'NOT_APPLICABLE';
  Reason?: string;
  Notes?: string;
}

export interface AnswerState {
  selected: string[];
  choices: Map<string, ChoiceState>;
  notes: string;
  isApplicable: boolean;
}

export interface WorkloadState {
  WorkloadId: string;
  WorkloadArn: string;
  WorkloadName: string;
  Description: string;
  Environment: string;
  AwsRegions: string[];
  AccountIds: string[];
  ReviewOwner: string;
  Lenses: string[];
  Tags: Record<string, string>;
  UpdatedAt: number;
}

interface MilestoneState {
  number: number;
  name: string;
  recordedAt: number;
  answers: Map<string, AnswerState>;
}

/**
 * One injected fault: after letting `skip` calls through, the next `times` calls of `operation` fail;
 * `after` commits the change first (the response is lost on the way back).
 */
export interface Fault {
  operation: string;
  times: number;
  skip?: number;
  error?: 'ThrottlingException' | 'AccessDeniedException' | 'InternalServerException' | 'ConflictException';
  after?: boolean;
}

export interface CallRecord {
  operation: string;
  status: number;
  input: Record<string, unknown>;
}

class ApiError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ERROR_STATUS: Record<string, number> = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  InternalServerException: 500,
};

function fail(type: keyof typeof ERROR_STATUS, message: string): never {
  throw new ApiError(type, ERROR_STATUS[type] ?? 400, message);
}

/** The WA Tool counts lengths in characters (code points), not UTF-16 units. */
function characters(text: string): number {
  return [...text].length;
}

function requireLength(field: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string' || characters(value) < min || characters(value) > max) {
    fail('ValidationException', `${field} must be a string of ${min} to ${max} characters`);
  }
  return value;
}

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const CHOICE_STATUSES = ['SELECTED', 'UNSELECTED', 'NOT_APPLICABLE'];
const CHOICE_REASONS = ['OUT_OF_SCOPE', 'BUSINESS_PRIORITIES', 'ARCHITECTURE_CONSTRAINTS', 'OTHER', 'NONE'];

function loadWellArchitected(): LensModel {
  const raw = JSON.parse(
    readFileSync(new URL('../../src/watool/data/wellarchitected-lens.json', import.meta.url), 'utf8'),
  ) as {
    lensVersion: string;
    lensName: string;
    pillars: {
      id: string;
      questions: {
        id: string;
        title: string;
        noneChoiceId: string;
        choices: { id: string; title: string; risk?: string }[];
      }[];
    }[];
  };
  return {
    alias: 'wellarchitected',
    arn: `arn:aws:wellarchitected:${REGION}::lens/wellarchitected`,
    name: raw.lensName,
    version: raw.lensVersion,
    status: 'PUBLISHED',
    custom: false,
    questions: raw.pillars.flatMap((pillar) =>
      pillar.questions.map((question) => ({
        id: question.id,
        pillarId: pillar.id,
        title: question.title,
        noneChoiceId: question.noneChoiceId,
        choices: question.choices.map((choice) => ({
          id: choice.id,
          title: choice.title,
          risk: choice.risk === 'HIGH' ? 'HIGH' : choice.risk === 'MEDIUM' ? 'MEDIUM' : 'NONE',
        })),
      })),
    ),
  };
}

type Handler = (context: {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}) => unknown;

export class FakeWaTool {
  readonly workloads = new Map<string, WorkloadState>();
  readonly answers = new Map<string, AnswerState>();
  readonly milestones = new Map<string, MilestoneState[]>();
  readonly lenses = new Map<string, LensModel>();
  readonly calls: CallRecord[] = [];
  readonly faults: Fault[] = [];
  /** Page size of the list operations, small in tests so pagination is exercised. */
  pageSize = 50;
  private readonly tokens = new Map<string, { fingerprint: string; response: unknown }>();
  private server: Server | undefined;
  endpoint = '';

  constructor() {
    const lens = loadWellArchitected();
    this.lenses.set(lens.alias, lens);
  }

  private readonly routes: [string, RegExp, string, Handler][] = [
    ['POST', /^\/workloadsSummaries$/, 'ListWorkloads', (c) => this.listWorkloads(c.body)],
    [
      'POST',
      /^\/workloads$/,
      'CreateWorkload',
      (c) => this.idempotent('CreateWorkload', c.body, () => this.createWorkload(c.body)),
    ],
    [
      'GET',
      /^\/workloads\/(?<workloadId>[^/]+)$/,
      'GetWorkload',
      (c) => ({ Workload: this.workload(c.params.workloadId) }),
    ],
    [
      'PATCH',
      /^\/workloads\/(?<workloadId>[^/]+)\/associateLenses$/,
      'AssociateLenses',
      (c) => this.associateLenses(c.params.workloadId!, c.body),
    ],
    [
      'GET',
      /^\/workloads\/(?<workloadId>[^/]+)\/lensReviews\/(?<lens>[^/]+)\/answers\/(?<question>[^/]+)$/,
      'GetAnswer',
      (c) => this.getAnswer(c.params),
    ],
    [
      'PATCH',
      /^\/workloads\/(?<workloadId>[^/]+)\/lensReviews\/(?<lens>[^/]+)\/answers\/(?<question>[^/]+)$/,
      'UpdateAnswer',
      (c) => this.updateAnswer(c.params, c.body),
    ],
    [
      'GET',
      /^\/workloads\/(?<workloadId>[^/]+)\/lensReviews\/(?<lens>[^/]+)\/report$/,
      'GetLensReviewReport',
      (c) => this.lensReviewReport(c.params),
    ],
    [
      'GET',
      /^\/workloads\/(?<workloadId>[^/]+)\/lensReviews\/(?<lens>[^/]+)$/,
      'GetLensReview',
      (c) => this.lensReview(c.params, c.query),
    ],
    [
      'POST',
      /^\/workloads\/(?<workloadId>[^/]+)\/milestonesSummaries$/,
      'ListMilestones',
      (c) => this.listMilestones(c.params.workloadId!, c.body),
    ],
    [
      'POST',
      /^\/workloads\/(?<workloadId>[^/]+)\/milestones$/,
      'CreateMilestone',
      (c) =>
        this.idempotent('CreateMilestone', { ...c.body, WorkloadId: c.params.workloadId }, () =>
          this.createMilestone(c.params.workloadId!, c.body),
        ),
    ],
    [
      'PUT',
      /^\/importLens$/,
      'ImportLens',
      (c) => this.idempotent('ImportLens', c.body, () => this.importLens(c.body)),
    ],
    [
      'POST',
      /^\/lenses\/(?<lens>[^/]+)\/versions$/,
      'CreateLensVersion',
      (c) =>
        this.idempotent('CreateLensVersion', { ...c.body, LensAlias: c.params.lens }, () =>
          this.createLensVersion(c.params.lens!, c.body),
        ),
    ],
    ['GET', /^\/__state$/, 'DumpState', () => this.dumpState()],
    ['GET', /^\/lenses$/, 'ListLenses', (c) => this.listLenses(c.query)],
    ['GET', /^\/lenses\/(?<lens>[^/]+)\/export$/, 'ExportLens', (c) => this.exportLens(c.params.lens!)],
  ];

  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.endpoint;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  callsOf(operation: string): CallRecord[] {
    return this.calls.filter((call) => call.operation === operation && call.status === 200);
  }

  /** The stored answer, without creating one: reads must not change the state. */
  peekAnswer(workloadId: string, lens: string, question: string): AnswerState {
    return (
      this.answers.get(`${workloadId}|${lens}|${question}`) ?? {
        selected: [],
        choices: new Map(),
        notes: '',
        isApplicable: true,
      }
    );
  }

  private emptyAnswer(): AnswerState {
    return { selected: [], choices: new Map(), notes: '', isApplicable: true };
  }

  answer(workloadId: string, lens: string, question: string): AnswerState {
    const key = `${workloadId}|${lens}|${question}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = { selected: [], choices: new Map(), notes: '', isApplicable: true };
      this.answers.set(key, answer);
    }
    return answer;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const route = this.routes.find(
      ([method, pattern]) => method === request.method && pattern.test(url.pathname),
    );
    let operation = 'Unknown';
    let input: Record<string, unknown> = {};
    try {
      if (!route) fail('ValidationException', `no route for ${request.method} ${url.pathname}`);
      const [, pattern, name, handler] = route;
      operation = name;
      input = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const params = Object.fromEntries(
        Object.entries(pattern.exec(url.pathname)?.groups ?? {}).map(([key, value]) => [
          key,
          decodeURIComponent(value),
        ]),
      );
      const fault = this.armedFault(name);
      if (fault && !fault.after) this.trip(fault);
      const output = handler({ params, query: url.searchParams, body: input });
      if (fault?.after) this.trip(fault);
      this.calls.push({ operation, status: 200, input: { ...params, ...input } });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(output));
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError('InternalServerException', 500, String(error));
      this.calls.push({ operation, status: apiError.status, input });
      response.writeHead(apiError.status, {
        'content-type': 'application/json',
        'x-amzn-errortype': apiError.type,
      });
      response.end(JSON.stringify({ Message: apiError.message }));
    }
  }

  private armedFault(operation: string): Fault | undefined {
    const fault = this.faults.find((candidate) => candidate.operation === operation && candidate.times > 0);
    if (fault?.skip) {
      fault.skip -= 1;
      return undefined;
    }
    return fault;
  }

  private trip(fault: Fault): never {
    fault.times -= 1;
    const type = fault.error ?? 'ThrottlingException';
    fail(type, `${fault.operation}: injected ${type}`);
  }

  /** ClientRequestToken semantics: the same token and input returns the first response; other input is refused. */
  private idempotent(operation: string, body: Record<string, unknown>, run: () => unknown): unknown {
    const token = body.ClientRequestToken;
    if (typeof token !== 'string' || token.length === 0) return run();
    const { ClientRequestToken: _token, ...rest } = body;
    const fingerprint = `${operation}:${JSON.stringify(rest)}`;
    const seen = this.tokens.get(token);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        fail('ValidationException', `ClientRequestToken ${token} was used with different parameters`);
      }
      return seen.response;
    }
    const response = run();
    this.tokens.set(token, { fingerprint, response });
    return response;
  }

  private page<T>(items: T[], body: { NextToken?: unknown; MaxResults?: unknown }) {
    const start = typeof body.NextToken === 'string' ? Number(body.NextToken) : 0;
    const size = Math.min(
      typeof body.MaxResults === 'number' ? body.MaxResults : this.pageSize,
      this.pageSize,
    );
    const end = start + size;
    return { items: items.slice(start, end), NextToken: end < items.length ? String(end) : undefined };
  }

  private workload(id: string | undefined): WorkloadState {
    const workload = id ? this.workloads.get(id) : undefined;
    if (!workload) fail('ResourceNotFoundException', `workload ${id} not found`);
    return workload;
  }

  private lens(alias: string): LensModel {
    const lens =
      this.lenses.get(alias) ?? [...this.lenses.values()].find((candidate) => candidate.arn === alias);
    if (!lens) fail('ResourceNotFoundException', `lens ${alias} not found`);
    return lens;
  }

  private associatedLens(workload: WorkloadState, alias: string): LensModel {
    const lens = this.lens(alias);
    if (!workload.Lenses.includes(lens.alias)) {
      fail('ValidationException', `lens ${alias} is not associated with workload ${workload.WorkloadId}`);
    }
    return lens;
  }

  private listWorkloads(body: Record<string, unknown>) {
    const prefix = typeof body.WorkloadNamePrefix === 'string' ? body.WorkloadNamePrefix.toLowerCase() : '';
    const matching = [...this.workloads.values()].filter((workload) =>
      workload.WorkloadName.toLowerCase().startsWith(prefix),
    );
    const { items, NextToken } = this.page(matching, body);
    return {
      WorkloadSummaries: items.map((workload) => ({
        WorkloadId: workload.WorkloadId,
        WorkloadArn: workload.WorkloadArn,
        WorkloadName: workload.WorkloadName,
        Owner: ACCOUNT,
        UpdatedAt: workload.UpdatedAt,
        Lenses: workload.Lenses,
        RiskCounts: this.riskCounts(workload, 'wellarchitected'),
      })),
      NextToken,
    };
  }

  /** Seeds or creates a workload; exported for tests that start from a consultant's existing workload. */
  createWorkload(body: Record<string, unknown>): { WorkloadId: string; WorkloadArn: string } {
    const name = requireLength('WorkloadName', body.WorkloadName, 3, 100);
    const description = requireLength('Description', body.Description, 3, 250);
    const reviewOwner = requireLength('ReviewOwner', body.ReviewOwner, 3, 255);
    if (!['PRODUCTION', 'PREPRODUCTION'].includes(String(body.Environment))) {
      fail('ValidationException', 'Environment must be PRODUCTION or PREPRODUCTION');
    }
    const regions = (body.AwsRegions as string[] | undefined) ?? [];
    if (regions.length === 0 && !(body.NonAwsRegions as string[] | undefined)?.length) {
      fail('ValidationException', 'Either AwsRegions or NonAwsRegions must be specified');
    }
    if (regions.length > 50) fail('ValidationException', 'AwsRegions has at most 50 items');
    const accountIds = (body.AccountIds as string[] | undefined) ?? [];
    if (accountIds.some((id) => !/^\d{12}$/.test(id)))
      fail('ValidationException', 'AccountIds must be 12 digits');
    if (accountIds.length > 100) fail('ValidationException', 'AccountIds has at most 100 items');
    const lenses = (body.Lenses as string[] | undefined) ?? [];
    if (lenses.length === 0) fail('ValidationException', 'Lenses must not be empty');
    for (const alias of lenses) this.lens(alias);
    if (
      [...this.workloads.values()].some(
        (workload) => workload.WorkloadName.toLowerCase() === name.toLowerCase(),
      )
    ) {
      fail('ConflictException', `a workload named ${name} already exists`);
    }
    const id = randomBytes(16).toString('hex');
    const workload: WorkloadState = {
      WorkloadId: id,
      WorkloadArn: `arn:aws:wellarchitected:${REGION}:${ACCOUNT}:workload/${id}`,
      WorkloadName: name,
      Description: description,
      Environment: String(body.Environment),
      AwsRegions: regions,
      AccountIds: accountIds,
      ReviewOwner: reviewOwner,
      Lenses: lenses.map((alias) => this.lens(alias).alias),
      Tags: (body.Tags as Record<string, string> | undefined) ?? {},
      UpdatedAt: Math.floor(Date.now() / 1000),
    };
    this.workloads.set(id, workload);
    return { WorkloadId: id, WorkloadArn: workload.WorkloadArn };
  }

  private associateLenses(workloadId: string, body: Record<string, unknown>) {
    const workload = this.workload(workloadId);
    for (const alias of (body.LensAliases as string[] | undefined) ?? []) {
      const lens = this.lens(alias);
      if (lens.status !== 'PUBLISHED')
        fail('ValidationException', `lens ${alias} is a draft; publish it first`);
      if (!workload.Lenses.includes(lens.alias)) workload.Lenses.push(lens.alias);
    }
    return {};
  }

  private question(lens: LensModel, questionId: string | undefined) {
    const question = lens.questions.find((candidate) => candidate.id === questionId);
    if (!question)
      fail('ResourceNotFoundException', `question ${questionId} not found in lens ${lens.alias}`);
    return question;
  }

  private answerOutput(workload: WorkloadState, lens: LensModel, questionId: string, answer: AnswerState) {
    const question = this.question(lens, questionId);
    return {
      QuestionId: question.id,
      PillarId: question.pillarId,
      QuestionTitle: question.title,
      Choices: question.choices.map((choice) => ({ ChoiceId: choice.id, Title: choice.title })),
      SelectedChoices: answer.selected,
      ChoiceAnswers: [...answer.choices.entries()].map(([ChoiceId, state]) => ({ ChoiceId, ...state })),
      IsApplicable: answer.isApplicable,
      Risk: this.questionRisk(question, answer),
      Notes: answer.notes || undefined,
    };
  }

  private getAnswer(params: Record<string, string>) {
    const workload = this.workload(params.workloadId);
    const lens = this.associatedLens(workload, params.lens!);
    this.question(lens, params.question);
    const answer = this.peekAnswer(workload.WorkloadId, lens.alias, params.question!);
    return {
      WorkloadId: workload.WorkloadId,
      LensAlias: lens.alias,
      LensArn: lens.arn,
      Answer: this.answerOutput(workload, lens, params.question!, answer),
    };
  }

  private updateAnswer(params: Record<string, string>, body: Record<string, unknown>) {
    const workload = this.workload(params.workloadId);
    const lens = this.associatedLens(workload, params.lens!);
    const question = this.question(lens, params.question);
    const known = new Set(question.choices.map((choice) => choice.id));
    const selected = body.SelectedChoices as string[] | undefined;
    const updates = (body.ChoiceUpdates as Record<string, ChoiceState> | undefined) ?? {};
    for (const id of [...(selected ?? []), ...Object.keys(updates)]) {
      if (!known.has(id))
        fail('ValidationException', `choice ${id} is not a choice of question ${question.id}`);
    }
    if (selected && selected.includes(question.noneChoiceId) && selected.length > 1) {
      fail(
        'ValidationException',
        `${question.noneChoiceId} ("None of these") cannot be selected with other choices`,
      );
    }
    for (const [id, update] of Object.entries(updates)) {
      if (!CHOICE_STATUSES.includes(update.Status)) fail('ValidationException', `invalid Status for ${id}`);
      if (update.Reason !== undefined && !CHOICE_REASONS.includes(update.Reason)) {
        fail('ValidationException', `invalid Reason for ${id}`);
      }
      if (update.Notes !== undefined && characters(update.Notes) > 250) {
        fail('ValidationException', `choice notes of ${id} exceed 250 characters`);
      }
      if (selected?.includes(id) && update.Status !== 'SELECTED') {
        fail('ValidationException', `choice ${id} is selected and ${update.Status} at once`);
      }
    }
    if (body.Notes !== undefined && (typeof body.Notes !== 'string' || characters(body.Notes) > 2084)) {
      fail('ValidationException', 'Notes must be at most 2084 characters');
    }
    const answer = this.answer(workload.WorkloadId, lens.alias, question.id);
    if (selected) {
      for (const [id, state] of answer.choices) {
        if (state.Status === 'SELECTED' && !selected.includes(id)) state.Status = 'UNSELECTED';
      }
      for (const id of selected) {
        answer.choices.set(id, { ...answer.choices.get(id), Status: 'SELECTED' });
      }
    }
    for (const [id, update] of Object.entries(updates)) {
      answer.choices.set(id, { ...update });
    }
    answer.selected = question.choices
      .map((choice) => choice.id)
      .filter((id) => answer.choices.get(id)?.Status === 'SELECTED');
    if (typeof body.Notes === 'string') answer.notes = body.Notes;
    if (typeof body.IsApplicable === 'boolean') answer.isApplicable = body.IsApplicable;
    workload.UpdatedAt = Math.floor(Date.now() / 1000);
    return {
      WorkloadId: workload.WorkloadId,
      LensAlias: lens.alias,
      LensArn: lens.arn,
      Answer: this.answerOutput(workload, lens, question.id, answer),
    };
  }

  /**
   * Risk as the official lens computes it in spirit: unanswered without selections, HIGH when "None of
   * these" is selected, otherwise the highest risk among the best practices left unselected.
   */
  private questionRisk(question: LensModel['questions'][number], answer: AnswerState): string {
    if (!answer.isApplicable) return 'NOT_APPLICABLE';
    if (answer.selected.length === 0) return 'UNANSWERED';
    if (answer.selected.includes(question.noneChoiceId)) return 'HIGH';
    const missing = question.choices.filter(
      (choice) =>
        choice.id !== question.noneChoiceId &&
        !answer.selected.includes(choice.id) &&
        answer.choices.get(choice.id)?.Status !== 'NOT_APPLICABLE',
    );
    if (missing.some((choice) => choice.risk === 'HIGH')) return 'HIGH';
    if (missing.some((choice) => choice.risk === 'MEDIUM')) return 'MEDIUM';
    return 'NONE';
  }

  /** Risk counts of the workload now, or of a milestone's frozen answers. */
  riskCounts(
    workload: WorkloadState,
    alias: string,
    frozen?: Map<string, AnswerState>,
  ): Record<string, number> {
    const lens = this.lens(alias);
    const counts: Record<string, number> = { HIGH: 0, MEDIUM: 0, NONE: 0, UNANSWERED: 0, NOT_APPLICABLE: 0 };
    for (const question of lens.questions) {
      const key = `${workload.WorkloadId}|${lens.alias}|${question.id}`;
      const answer = frozen
        ? (frozen.get(key) ?? this.emptyAnswer())
        : this.peekAnswer(workload.WorkloadId, lens.alias, question.id);
      const risk = this.questionRisk(question, answer);
      counts[risk] = (counts[risk] ?? 0) + 1;
    }
    return counts;
  }

  private lensReview(params: Record<string, string>, query: URLSearchParams) {
    const workload = this.workload(params.workloadId);
    const lens = this.associatedLens(workload, params.lens!);
    const milestoneNumber = query.get('MilestoneNumber');
    const milestone = milestoneNumber
      ? this.milestones
          .get(workload.WorkloadId)
          ?.find((candidate) => candidate.number === Number(milestoneNumber))
      : undefined;
    if (milestoneNumber && !milestone)
      fail('ResourceNotFoundException', `milestone ${milestoneNumber} not found`);
    return {
      WorkloadId: workload.WorkloadId,
      LensReview: {
        LensAlias: lens.alias,
        LensArn: lens.arn,
        LensVersion: lens.version,
        LensName: lens.name,
        LensStatus: 'CURRENT',
        RiskCounts: this.riskCounts(workload, lens.alias, milestone?.answers),
        UpdatedAt: workload.UpdatedAt,
      },
    };
  }

  private lensReviewReport(params: Record<string, string>) {
    const workload = this.workload(params.workloadId);
    const lens = this.associatedLens(workload, params.lens!);
    const counts = this.riskCounts(workload, lens.alias);
    const lines = [
      `Lens review report: ${lens.name}`,
      `Workload: ${workload.WorkloadName}`,
      ...Object.entries(counts).map(([risk, count]) => `${risk}: ${count}`),
    ];
    return {
      WorkloadId: workload.WorkloadId,
      LensReviewReport: {
        LensAlias: lens.alias,
        LensArn: lens.arn,
        Base64String: minimalPdf(lines).toString('base64'),
      },
    };
  }

  private listMilestones(workloadId: string, body: Record<string, unknown>) {
    this.workload(workloadId);
    const { items, NextToken } = this.page(this.milestones.get(workloadId) ?? [], body);
    return {
      WorkloadId: workloadId,
      MilestoneSummaries: items.map((milestone) => ({
        MilestoneNumber: milestone.number,
        MilestoneName: milestone.name,
        RecordedAt: milestone.recordedAt,
      })),
      NextToken,
    };
  }

  private createMilestone(workloadId: string, body: Record<string, unknown>) {
    this.workload(workloadId);
    const name = requireLength('MilestoneName', body.MilestoneName, 3, 100);
    const list = this.milestones.get(workloadId) ?? [];
    if (list.some((milestone) => milestone.name === name))
      fail('ConflictException', `milestone name ${name} is taken`);
    if (list.length >= 100) fail('ServiceQuotaExceededException', 'a workload has at most 100 milestones');
    const snapshot = new Map(
      [...this.answers.entries()]
        .filter(([key]) => key.startsWith(`${workloadId}|`))
        .map(([key, answer]) => [
          key,
          { ...answer, selected: [...answer.selected], choices: new Map(answer.choices) },
        ]),
    );
    const milestone = {
      number: list.length + 1,
      name,
      recordedAt: Math.floor(Date.now() / 1000),
      answers: snapshot,
    };
    list.push(milestone);
    this.milestones.set(workloadId, list);
    return { WorkloadId: workloadId, MilestoneNumber: milestone.number };
  }

  private importLens(body: Record<string, unknown>) {
    const json = requireLength('JSONString', body.JSONString, 2, 500_000);
    let parsed: {
      name?: string;
      pillars?: {
        id: string;
        questions: { id: string; title: string; choices: { id: string; title: string }[] }[];
      }[];
    };
    try {
      parsed = JSON.parse(json);
    } catch {
      fail('ValidationException', 'JSONString is not valid JSON');
    }
    if (!parsed.name || !Array.isArray(parsed.pillars))
      fail('ValidationException', 'lens needs a name and pillars');
    const existing = body.LensAlias ? this.lens(String(body.LensAlias)) : undefined;
    const id =
      existing?.arn.split('/').pop() ??
      createHash('sha256')
        .update(json + Date.now())
        .digest('hex')
        .slice(0, 32);
    const arn = `arn:aws:wellarchitected:${REGION}:${ACCOUNT}:lens/${id}`;
    const lens: LensModel = {
      alias: arn,
      arn,
      name: parsed.name,
      version: existing?.version ?? '',
      status: existing?.status ?? 'DRAFT',
      custom: true,
      json,
      questions: parsed.pillars.flatMap((pillar) =>
        pillar.questions.map((question) => ({
          id: question.id,
          pillarId: pillar.id,
          title: question.title,
          noneChoiceId: question.choices.find((choice) => choice.id.endsWith('_no'))?.id ?? '',
          choices: question.choices.map((choice) => ({
            id: choice.id,
            title: choice.title,
            risk: 'HIGH' as const,
          })),
        })),
      ),
    };
    this.lenses.set(arn, lens);
    return { LensArn: arn, Status: 'COMPLETE' };
  }

  private createLensVersion(alias: string, body: Record<string, unknown>) {
    const lens = this.lens(alias);
    if (!lens.custom) fail('ValidationException', 'only custom lenses can be published');
    const version = requireLength('LensVersion', body.LensVersion, 1, 32);
    if (lens.version === version) fail('ConflictException', `version ${version} already exists`);
    lens.version = version;
    lens.status = 'PUBLISHED';
    return { LensArn: lens.arn, LensVersion: version };
  }

  /** Everything stored, for a person checking a hand-run recording (not part of the WA Tool API). */
  dumpState() {
    const answers = Object.fromEntries(
      [...this.answers].map(([key, answer]) => [
        key,
        { ...answer, choices: Object.fromEntries(answer.choices) },
      ]),
    );
    const milestones = Object.fromEntries(
      [...this.milestones].map(([id, list]) => [id, list.map(({ number, name }) => ({ number, name }))]),
    );
    return { workloads: [...this.workloads.values()], answers, milestones };
  }

  private exportLens(alias: string) {
    const lens = this.lens(alias);
    if (!lens.custom || !lens.json) fail('ValidationException', 'AWS official lenses cannot be exported');
    return { LensJSON: lens.json };
  }

  private listLenses(query: URLSearchParams) {
    const type = query.get('LensType');
    const name = query.get('LensName');
    const lenses = [...this.lenses.values()].filter(
      (lens) => (!type || (type === 'AWS_OFFICIAL') === !lens.custom) && (!name || lens.name.includes(name)),
    );
    return {
      LensSummaries: lenses.map((lens) => ({
        LensArn: lens.arn,
        LensAlias: lens.custom ? undefined : lens.alias,
        LensName: lens.name,
        LensType: lens.custom ? 'CUSTOM_SELF' : 'AWS_OFFICIAL',
        LensVersion: lens.version,
        LensStatus: lens.status === 'DRAFT' ? 'DRAFT' : 'CURRENT',
      })),
    };
  }
}

/** A one-page PDF with the given lines of text (enough for a reader to open and search). */
export function minimalPdf(lines: string[]): Buffer {
  const escapeText = (text: string) => text.replace(/[\\()]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?');
  const content = [
    'BT /F1 12 Tf 50 780 Td 16 TL',
    ...lines.map((line) => `(${escapeText(line)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
