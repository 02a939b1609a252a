import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface HttpOptions {
  /** Milliseconds to open a connection. */
  connectTimeoutMs: number;
  /** Milliseconds for one request attempt, from sending to the last byte of the answer. */
  requestTimeoutMs: number;
  /** Sockets per host; at least the global concurrency, so admitted requests never queue for a socket. */
  maxSockets: number;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Names under `localhost` are loopback (RFC 6761). The OS resolver does not know that, but S3 Control
 * puts the account id in front of the endpoint host (`123456789012.localhost`), so a local emulator
 * is only reachable for it when the agent resolves such names itself.
 */
function loopbackAwareLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  if (hostname.endsWith('.localhost')) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  (dnsLookup as unknown as (name: string, how: LookupOptions, done: LookupCallback) => void)(
    hostname,
    options,
    callback,
  );
}

/** One HTTP handler shared by every client of a run: one socket pool, one set of timeouts. */
export function createHttpHandler(options: HttpOptions): NodeHttpHandler {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, lookup: loopbackAwareLookup };
  return new NodeHttpHandler({
    connectionTimeout: options.connectTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    // Without this a request over its time only logs a warning and hangs on.
    throwOnRequestTimeout: true,
    httpAgent: new HttpAgent(agentOptions),
    httpsAgent: new HttpsAgent(agentOptions),
  });
}
