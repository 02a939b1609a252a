import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  encodeError,
  encodeResult,
  faultError,
  HTML_SERVER_ERROR,
  type FaultKind,
  type Protocol,
} from './protocols.ts';

/**
 * A local AWS endpoint for the real SDK clients. It answers from tables of recorded responses, keyed by
 * service, operation, account, region and request parameters (page tokens included), records every
 * operation it is sent, and injects faults: throttling, 5xx, slow answers, AccessDenied, opt-in regions.
 * The caller's account comes from the access key: the base key belongs to the management account,
 * keys issued by the fake AssumeRole carry the member account id.
 */
export interface FakeRequest {
  /** SDK client name without `Client`: EC2, RDS, IAM, STS, S3, S3Control, Organizations, KMS, SSM, CloudTrail. */
  client: string;
  /** Signing name from the credential scope: ec2, rds, iam, s3 … */
  service: string;
  operation: string;
  account: string;
  region: string;
  params: Record<string, string>;
}

export interface ResponseRow {
  client: string;
  operation: string;
  account?: string;
  region?: string;
  /** Request parameters that must be equal, e.g. `{ NextToken: 'page-2' }` or `{ UserName: 'alice' }`. */
  params?: Record<string, string>;
  /** Inner result: the `<XResult>` content for query protocols, the document for JSON and REST. */
  body?: string | ((request: FakeRequest) => string);
  error?: { status: number; code: string; message: string };
}

export interface Fault {
  client?: string;
  operation?: string;
  account?: string;
  region?: string;
  kind: FaultKind | 'slow';
  /** How many matching requests get the fault; default all. */
  times?: number;
  delayMs?: number;
}

export interface FakeAwsOptions {
  managementAccount: string;
  rows: readonly ResponseRow[];
  faults?: Fault[];
  /** Added to every answer, to measure behaviour under network latency. */
  latencyMs?: number;
}

const PROTOCOL_BY_CLIENT: Record<string, Protocol> = {
  EC2: 'ec2',
  RDS: 'query',
  IAM: 'query',
  STS: 'query',
  SNS: 'query',
  Organizations: 'json',
  KMS: 'json',
  SSM: 'json',
  CloudTrail: 'json',
  S3: 'rest-xml',
  S3Control: 'rest-xml',
};

const CLIENT_BY_SIGNING_NAME: Record<string, string> = {
  ec2: 'EC2',
  rds: 'RDS',
  iam: 'IAM',
  sts: 'STS',
  sns: 'SNS',
  organizations: 'Organizations',
  kms: 'KMS',
  ssm: 'SSM',
  cloudtrail: 'CloudTrail',
  s3: 'S3',
};

/** REST routes of S3 and S3 Control: path pattern and the sub-resource query key. */
const REST_ROUTES: { client: string; operation: string; path: RegExp; query?: string }[] = [
  {
    client: 'S3Control',
    operation: 'GetPublicAccessBlock',
    path: /^\/v20180820\/configuration\/publicAccessBlock$/,
  },
  { client: 'S3', operation: 'GetBucketEncryption', path: /^\/([^/]+)\/?$/, query: 'encryption' },
  { client: 'S3', operation: 'GetPublicAccessBlock', path: /^\/([^/]+)\/?$/, query: 'publicAccessBlock' },
  { client: 'S3', operation: 'GetBucketPolicyStatus', path: /^\/([^/]+)\/?$/, query: 'policyStatus' },
  { client: 'S3', operation: 'GetBucketPolicy', path: /^\/([^/]+)\/?$/, query: 'policy' },
  { client: 'S3', operation: 'GetBucketVersioning', path: /^\/([^/]+)\/?$/, query: 'versioning' },
  { client: 'S3', operation: 'GetBucketTagging', path: /^\/([^/]+)\/?$/, query: 'tagging' },
  { client: 'S3', operation: 'GetBucketLocation', path: /^\/([^/]+)\/?$/, query: 'location' },
  { client: 'S3', operation: 'ListBuckets', path: /^\/$/ },
];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export class FakeAws {
  readonly calls: FakeRequest[] = [];
  readonly unanswered: FakeRequest[] = [];
  /** Age of the oldest SigV4 signature on arrival (X-Amz-Date to now), in ms: signing must come just before sending. */
  oldestSignatureAgeMs = 0;
  private readonly rowsByKey = new Map<string, ResponseRow[]>();
  private readonly options: FakeAwsOptions;
  private readonly faults: (Fault & { remaining: number })[];
  private server: Server | undefined;
  private requestCounter = 0;

  constructor(options: FakeAwsOptions) {
    this.options = options;
    this.faults = (options.faults ?? []).map((fault) => ({ ...fault, remaining: fault.times ?? Infinity }));
    for (const row of options.rows) {
      const key = `${row.client}:${row.operation}:${row.account ?? '*'}`;
      const list = this.rowsByKey.get(key) ?? [];
      list.push(row);
      this.rowsByKey.set(key, list);
    }
  }

  /** Starts on 127.0.0.1 on a free port; returns the endpoint URL. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** The same endpoint as a `localhost` name, which S3 Control prefixes with the account id. */
  get localhostUrl(): string {
    return `http://localhost:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Infinity });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.recordSignatureAge(request);
    const body = await readBody(request);
    const parsed = this.parse(request, body);
    const requestId = `req-${++this.requestCounter}`;
    this.calls.push(parsed);
    const protocol = PROTOCOL_BY_CLIENT[parsed.client] ?? 'json';

    let delay = this.options.latencyMs ?? 0;
    let injected: FaultKind | undefined;
    for (const fault of this.faults) {
      if (fault.remaining <= 0 || !this.faultMatches(fault, parsed)) continue;
      fault.remaining -= 1;
      if (fault.kind === 'slow') delay += fault.delayMs ?? 1_000;
      else {
        injected = fault.kind;
        break;
      }
    }
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (response.destroyed) return;

    const row = injected ? undefined : this.findRow(parsed);
    if (!injected && !row) this.unanswered.push(parsed);
    const encoded = injected
      ? injected === 'html-server-error'
        ? HTML_SERVER_ERROR
        : encodeError(protocol, parsed.service, faultError(injected, protocol), requestId)
      : !row
        ? encodeError(
            protocol,
            parsed.service,
            {
              status: 400,
              code: 'UnknownOperationException',
              message: `fake AWS has no answer for ${parsed.client}.${parsed.operation} ${JSON.stringify(parsed.params)}`,
            },
            requestId,
          )
        : row.error
          ? encodeError(protocol, parsed.service, row.error, requestId)
          : encodeResult(
              protocol,
              parsed.service,
              parsed.operation,
              typeof row.body === 'function' ? row.body(parsed) : (row.body ?? ''),
              requestId,
            );
    response.writeHead(encoded.status, {
      'content-type': encoded.contentType,
      'x-amzn-requestid': requestId,
      'x-amz-request-id': requestId,
      ...(encoded.status >= 400 && protocol === 'json' && encoded.contentType.includes('json')
        ? { 'x-amzn-errortype': JSON.parse(encoded.body).__type }
        : {}),
    });
    response.end(encoded.body);
  }

  private recordSignatureAge(request: IncomingMessage): void {
    const signedAt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(
      String(request.headers['x-amz-date'] ?? ''),
    );
    if (!signedAt) return;
    const [, year, month, day, hour, minute, second] = signedAt.map(Number) as number[];
    const age = Date.now() - Date.UTC(year!, month! - 1, day, hour, minute, second);
    this.oldestSignatureAgeMs = Math.max(this.oldestSignatureAgeMs, age);
  }

  private parse(request: IncomingMessage, body: string): FakeRequest {
    const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(request.headers.authorization ?? '');
    const accessKey = scope?.[1] ?? '';
    const region = scope?.[2] ?? 'unknown';
    const service = scope?.[3] ?? 'unknown';
    const account = /^ASIA(\d{12})/.exec(accessKey)?.[1] ?? this.options.managementAccount;
    const target = request.headers['x-amz-target'];
    if (typeof target === 'string') {
      const document = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
      const params = Object.fromEntries(
        Object.entries(document)
          .filter(([, value]) => typeof value !== 'object')
          .map(([key, value]) => [key, String(value)]),
      );
      return {
        client: CLIENT_BY_SIGNING_NAME[service] ?? service,
        service,
        operation: target.split('.').pop() ?? '',
        account,
        region,
        params,
      };
    }
    if ((request.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
      const params = Object.fromEntries(new URLSearchParams(body));
      return {
        client: CLIENT_BY_SIGNING_NAME[service] ?? service,
        service,
        operation: params.Action ?? '',
        account,
        region,
        params,
      };
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    for (const route of REST_ROUTES) {
      const match = route.path.exec(url.pathname);
      if (!match || (route.query && !url.searchParams.has(route.query))) continue;
      const params: Record<string, string> = Object.fromEntries(url.searchParams);
      if (match[1]) params.Bucket = decodeURIComponent(match[1]);
      if (route.client === 'S3Control') params.AccountId = String(request.headers['x-amz-account-id'] ?? '');
      return { client: route.client, service, operation: route.operation, account, region, params };
    }
    return {
      client: CLIENT_BY_SIGNING_NAME[service] ?? service,
      service,
      operation: `${request.method} ${url.pathname}`,
      account,
      region,
      params: {},
    };
  }

  private faultMatches(fault: Fault, request: FakeRequest): boolean {
    return (
      (!fault.client || fault.client === request.client) &&
      (!fault.operation || fault.operation === request.operation) &&
      (!fault.account || fault.account === request.account) &&
      (!fault.region || fault.region === request.region)
    );
  }

  /** The most specific row whose account, region and parameters all match the request. */
  private findRow(request: FakeRequest): ResponseRow | undefined {
    const candidates = [
      ...(this.rowsByKey.get(`${request.client}:${request.operation}:${request.account}`) ?? []),
      ...(this.rowsByKey.get(`${request.client}:${request.operation}:*`) ?? []),
    ];
    let best: ResponseRow | undefined;
    let bestScore = -1;
    for (const row of candidates) {
      if (row.region && row.region !== request.region) continue;
      const params = Object.entries(row.params ?? {});
      if (!params.every(([key, value]) => request.params[key] === value)) continue;
      const score = (row.account ? 1 : 0) + (row.region ? 1 : 0) + params.length;
      if (score > bestScore) {
        best = row;
        bestScore = score;
      }
    }
    return best;
  }
}
