import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  AwsCredentialIdentityProvider,
  FinalizeRequestMiddleware,
  MiddlewareStack,
} from '@smithy/types';
import { iamActionFor } from './iam-actions.ts';
import type { ConcurrencyLimits } from './limits.ts';
import { ReviewRetryStrategy } from './retry.ts';

/** What every SDK v3 client has that the factory relies on. */
export interface SdkClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  middlewareStack: MiddlewareStack<any, any>;
  destroy(): void;
}

// SDK client constructors differ only in their config types; the factory passes the shared subset.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkClientConstructor<C extends SdkClient> = new (config: any) => C;

/** One API request as the progress display and the statistics see it. */
export interface CallEvent {
  service: string;
  operation: string;
  accountId: string;
  region: string;
  /** 1 for the first attempt, 2 and up for retries. */
  attempt: number;
}

export interface CallObserver {
  (event: CallEvent): void;
}

export interface ClientFactoryOptions {
  credentialsFor: (accountId: string) => AwsCredentialIdentityProvider;
  httpHandler: NodeHttpHandler;
  limits: ConcurrencyLimits;
  /** Attempts per call, first included, for the SDK's adaptive retry (token bucket + backoff). */
  maxAttempts: number;
  profile?: string;
  observe?: CallObserver;
}

/**
 * The one place clients are made: one client per service, account and region, created on first use and
 * reused, all sharing the HTTP handler, the concurrency limits and the retry policy. Endpoints are left
 * to the SDK, which reads AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> and the profile's endpoint_url.
 */
export class ClientFactory {
  private readonly clients = new Map<string, SdkClient>();
  private readonly options: ClientFactoryOptions;

  constructor(options: ClientFactoryOptions) {
    this.options = options;
  }

  get<C extends SdkClient>(Client: SdkClientConstructor<C>, accountId: string, region: string): C {
    const key = `${Client.name}/${accountId}/${region}`;
    let client = this.clients.get(key) as C | undefined;
    if (!client) {
      client = new Client({
        region,
        credentials: this.options.credentialsFor(accountId),
        maxAttempts: this.options.maxAttempts,
        retryStrategy: new ReviewRetryStrategy(this.options.maxAttempts),
        requestHandler: this.options.httpHandler,
        ...(this.options.profile ? { profile: this.options.profile } : {}),
      });
      this.instrument(client, Client.name.replace(/Client$/, ''), accountId, region);
      this.clients.set(key, client);
    }
    return client;
  }

  get size(): number {
    return this.clients.size;
  }

  /**
   * Forgets the clients of an account whose reading is done, so a large organization does not keep a
   * thousand idle clients. They are not destroyed: that would close the shared HTTP handler.
   */
  release(accountId: string): void {
    for (const key of [...this.clients.keys()]) if (key.split('/')[1] === accountId) this.clients.delete(key);
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.options.httpHandler.destroy();
  }

  /**
   * Admission comes before a request is built and signed: a call waits for its account and region's slot
   * before it is serialized (so waiting calls hold no request objects) and for a global slot after the
   * retry step, per attempt, before it is signed (so a signature is seconds old when it reaches AWS, and a
   * call sleeping in retry backoff holds no global slot).
   */
  private instrument(client: SdkClient, service: string, accountId: string, region: string): void {
    const { limits, observe } = this.options;
    const operationOf = (context: unknown) =>
      String((context as { commandName?: string }).commandName ?? '').replace(/Command$/, '');
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = operationOf(context);
        try {
          return await limits.inAccountRegion(accountId, region, () => next(args));
        } catch (error) {
          // Coverage gaps name the permission that was missing and the call, not just the SDK's message.
          if (error && typeof error === 'object')
            Object.assign(error, {
              iamAction: iamActionFor(service, operation),
              apiCall: `${service} ${operation}`,
            });
          throw error;
        }
      },
      { step: 'initialize', name: 'wareviewAccountRegionAdmission', priority: 'high' },
    );
    const globalAdmission: FinalizeRequestMiddleware<object, object> = (next, context) => async (args) => {
      const attempt = ((context as { wareviewAttempts?: number }).wareviewAttempts ?? 0) + 1;
      (context as { wareviewAttempts?: number }).wareviewAttempts = attempt;
      return limits.inGlobal(() => {
        observe?.({ service, operation: operationOf(context), accountId, region, attempt });
        return next(args);
      });
    };
    client.middlewareStack.addRelativeTo(globalAdmission, {
      relation: 'before',
      toMiddleware: 'httpSigningMiddleware',
      name: 'wareviewGlobalAdmission',
    });
  }
}
