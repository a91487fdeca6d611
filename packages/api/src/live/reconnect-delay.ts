/**
 * How long a page waits before it connects again when its stream breaks, e.g. its site replica
 * stopped: long enough that a restarting site is not stormed, short enough that a page finds
 * another replica within a second, where a browser left to itself waits about 3 s.
 */
export const RECONNECT_MS = 1_000;

const RETRY_FIELD = new TextEncoder().encode(`retry: ${RECONNECT_MS}\n\n`);

const isEventStream = (response: Response): response is Response & { body: ReadableStream } =>
  response.body !== null &&
  (response.headers.get('content-type') ?? '').startsWith('text/event-stream');

/**
 * Opens a subscription's event stream with a `retry:` field, Server-Sent Events' own way of
 * setting that wait (an event with no data, which the page's EventSource does not pass on).
 * Other answers are left as they are. A page that leaves cancels the stream through to the
 * subscription, as without it.
 */
export function withReconnectDelay(response: Response): Response {
  if (!isEventStream(response)) return response;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start: (controller) => controller.enqueue(RETRY_FIELD),
    }),
  );
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
