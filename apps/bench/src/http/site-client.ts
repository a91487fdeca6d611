import { trpcError, trpcHttp, type TrpcResponse } from '@delivery/harness/trpc-http';
import { retryWhile } from '@delivery/harness/retry';
import { serverSentEvents } from '@delivery/harness/server-sent-events';

/** A tRPC error as the HTTP API answers it: `CONFLICT`, `NOT_FOUND`, ... */
export class TrpcCallError extends Error {
  constructor(
    readonly procedure: string,
    readonly code: string,
    message: string,
  ) {
    super(`${procedure}: ${code}: ${message}`);
    this.name = 'TrpcCallError';
  }
}

/**
 * Calls again while the site answers "try again" (`SERVICE_UNAVAILABLE`: Temporal did not answer
 * in time), as a user tapping again would. `call` must send the same request each time (the same
 * `requestId`), so one the order took late is answered with its first outcome.
 */
export const whileTryAgain = <T>(call: () => Promise<T>): Promise<T> =>
  retryWhile(
    (error) => error instanceof TrpcCallError && error.code === 'SERVICE_UNAVAILABLE',
    call,
  );

function dataOf<T>(procedure: string, response: TrpcResponse): T {
  const result = (response.body as { result?: { data: T } } | null)?.result;
  if (response.status < 400 && result) return result.data;
  const { code, message } = trpcError(response);
  throw new TrpcCallError(
    procedure,
    code ?? String(response.status),
    message ?? JSON.stringify(response.body),
  );
}

/**
 * One user of a site's tRPC API over plain HTTP, as a browser without the tRPC client would be:
 * one cookie, answers or thrown errors, and subscriptions read as Server-Sent Events.
 */
export class SiteClient {
  private readonly http: ReturnType<typeof trpcHttp>;

  constructor(
    private readonly siteUrl: string,
    private readonly cookie: string,
  ) {
    this.http = trpcHttp(siteUrl);
  }

  async query<T>(procedure: string, input?: unknown): Promise<T> {
    return dataOf<T>(procedure, await this.http.query(procedure, { input, cookie: this.cookie }));
  }

  async mutation<T>(procedure: string, input?: unknown): Promise<T> {
    return dataOf<T>(
      procedure,
      await this.http.mutation(procedure, { input, cookie: this.cookie }),
    );
  }

  /** A subscription's values, until it returns or `signal` aborts. */
  async *subscribe<T>(procedure: string, input: unknown, signal: AbortSignal): AsyncGenerator<T> {
    const url = `${this.siteUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(url, {
      headers: { cookie: this.cookie, accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || !response.body) {
      throw new TrpcCallError(procedure, String(response.status), await response.text());
    }
    for await (const event of serverSentEvents(response.body)) {
      if (event.name === 'return') return;
      if (event.name === 'serialized-error')
        throw new TrpcCallError(procedure, 'SUBSCRIPTION', event.data);
      if (event.name === undefined && event.data !== '') yield JSON.parse(event.data) as T;
    }
  }
}
