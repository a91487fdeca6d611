/** One event of a `text/event-stream` body, with the fields an EventSource acts on. */
export interface ServerSentEvent {
  /** The `event:` field; undefined for a plain data message. */
  name: string | undefined;
  data: string;
  /** The `id:` field, which an EventSource sends back as Last-Event-ID when it reconnects. */
  id: string | undefined;
  /** The `retry:` field: how long to wait before reconnecting, in milliseconds. */
  retryMs: number | undefined;
}

/** Splits a `text/event-stream` body into its events (comments dropped). */
export async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  let buffered = '';
  for await (const text of body.pipeThrough(new TextDecoderStream())) {
    buffered += text.replace(/\r\n?/g, '\n');
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      const event = parseEvent(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      if (event) yield event;
      end = buffered.indexOf('\n\n');
    }
  }
}

function parseEvent(block: string): ServerSentEvent | null {
  const event: ServerSentEvent = { name: undefined, data: '', id: undefined, retryMs: undefined };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.name = value;
    if (field === 'data') data.push(value);
    if (field === 'id') event.id = value;
    if (field === 'retry' && /^\d+$/.test(value)) event.retryMs = Number(value);
  }
  const empty = event.name === undefined && data.length === 0;
  return empty && event.id === undefined && event.retryMs === undefined
    ? null
    : { ...event, data: data.join('\n') };
}
