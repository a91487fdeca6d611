import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AnyRouter } from '@trpc/server';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { createRouteHandler } from './route-handler';

/** Next's own default for a request body; a real call's is a few hundred bytes. */
export const MAX_REQUEST_BYTES = 1_000_000;

const ALLOWED_METHODS = ['GET', 'POST'];

/** A whole JSON answer (a query or a mutation); a subscription's is a stream. */
const isWholeAnswer = (response: Response): boolean =>
  (response.headers.get('content-type') ?? '').startsWith('application/json');

/**
 * Writes a fetch `Response` to Node's response. A whole answer goes in one write with its
 * `Content-Length`, which is also what lets the site's gzip leave an answer under 1 KB alone; a
 * stream is passed on as it comes, and a page that leaves cancels it through to the subscription.
 */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers)
    if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
  } else if (isWholeAnswer(response)) {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader('content-length', body.byteLength);
    res.end(body);
  } else {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res).catch((error: unknown) => {
      // The page left: its stream ends here, and that is not a failure.
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  }
}

/**
 * A Next Pages Router API route (`pages/api/trpc/[trpc].ts`) serving one router: the same
 * handler as `createRouteHandler`, on Node's request and response. It is the sites' tRPC route
 * rather than an App Router route handler because Next streams every route handler's answer and
 * sends its headers in a socket write of their own, which cost about 2 ms of CPU a request on our
 * machines (docs/benchmarks.md); here a whole answer is one write.
 */
export function createApiRoute<TRouter extends AnyRouter>(
  options: Parameters<typeof createRouteHandler<TRouter>>[0],
) {
  const handle = createRouteHandler(options);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!ALLOWED_METHODS.includes(req.method ?? '')) {
      res.writeHead(405, { allow: ALLOWED_METHODS.join(', ') }).end();
      return;
    }
    let request: Request;
    try {
      request = incomingMessageToRequest(req, res, { maxBodySize: MAX_REQUEST_BYTES });
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('That address is not valid.');
      return;
    }
    await writeResponse(await handle(request), res);
  };
}
