/**
 * The size below which gzip saves nothing worth its cost: the compression middleware's own
 * threshold, about one packet.
 */
const WORTH_COMPRESSING_BYTES = 1024;

/** A whole JSON answer (a query or mutation); a subscription's or a streamed batch's is a stream. */
const isWholeJson = (response: Response): boolean =>
  response.body !== null &&
  (response.headers.get('content-type') ?? '').startsWith('application/json') &&
  !response.headers.has('transfer-encoding');

/**
 * Keeps Next from gzipping an answer too small to gain from it. Next compresses every route
 * handler's answer whatever its size: it drops the route's `Content-Length`, the header its
 * compression middleware reads to leave small bodies alone, and it flushes the gzip stream after
 * each chunk. Most tRPC answers are a few hundred bytes, for which that costs a millisecond or two
 * per request (zlib's thread pool, a longer chunked answer, the client's gunzip) and saves no
 * packet. `Cache-Control: no-transform` is the one signal the middleware honours per response;
 * larger answers (a board page) are still compressed.
 */
export async function leaveSmallAnswersUncompressed(response: Response): Promise<Response> {
  if (!isWholeJson(response)) return response;
  const body = await response.arrayBuffer();
  if (body.byteLength < WORTH_COMPRESSING_BYTES)
    response.headers.append('cache-control', 'no-transform');
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
