import {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type TextMapGetter,
} from '@opentelemetry/api';
import { requestMetrics } from '@delivery/observability';

const tracer = trace.getTracer('@delivery/api');

const UNKNOWN = 'unknown';

const fromHeaders: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/** A call that did not succeed: its procedure (none when the whole request failed) and code. */
interface Failure {
  procedure?: string;
  code: string;
}

export interface ObservedRequest {
  /** A call failed with a tRPC error code; `path` is missing when the whole request did. */
  failed(path: string | undefined, code: string): void;
}

/**
 * The procedures a request calls (`/api/trpc/a,b?batch=1`), each named as the router knows it;
 * a name it does not know is `unknown`, so no client can make up labels for the metrics.
 */
function proceduresCalled(url: URL, endpoint: string, known: ReadonlySet<string>): string[] {
  if (!url.pathname.startsWith(`${endpoint}/`)) return [UNKNOWN];
  let names: string[];
  try {
    names = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(',');
  } catch {
    return [UNKNOWN];
  }
  return names.map((name) => (known.has(name) ? name : UNKNOWN));
}

/** Each call's outcome: `ok`, or the code it failed with (a request's failure fails every call). */
function outcomes(procedures: string[], failures: Failure[]): [string, string][] {
  const left = [...failures];
  return procedures.map((procedure) => {
    const index = left.findIndex((failure) => failure.procedure === procedure);
    const failure = index >= 0 ? left.splice(index, 1)[0] : left.find((f) => !f.procedure);
    return [procedure, failure?.code ?? 'ok'];
  });
}

/**
 * Serves one tRPC request inside a server span, active while its procedures run, so the Temporal
 * calls they make (a createOrder's StartWorkflow) join the request's trace; the span continues a
 * trace the request brings (`traceparent`) unless the server already opened one. Counts each
 * call, with its outcome and the request's duration, in the process's request metrics.
 */
export async function observeRequest(
  request: Request,
  { endpoint, procedures: known }: { endpoint: string; procedures: ReadonlySet<string> },
  handle: (observed: ObservedRequest) => Promise<Response>,
): Promise<Response> {
  const url = new URL(request.url);
  const procedures = proceduresCalled(url, endpoint, known);
  const failures: Failure[] = [];
  const started = performance.now();
  const active = context.active();
  const parent = trace.getSpan(active)
    ? active
    : propagation.extract(active, request.headers, fromHeaders);
  const span = tracer.startSpan(
    `trpc ${procedures.join(',')}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'rpc.system': 'trpc',
        'rpc.method': procedures.join(','),
        'http.request.method': request.method,
        'url.path': url.pathname,
      },
    },
    parent,
  );
  const observed: ObservedRequest = {
    failed: (path, code) =>
      failures.push({ procedure: path && (known.has(path) ? path : UNKNOWN), code }),
  };
  try {
    const response = await context.with(trace.setSpan(parent, span), () => handle(observed));
    span.setAttribute('http.response.status_code', response.status);
    if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } catch (error) {
    observed.failed(undefined, 'INTERNAL_SERVER_ERROR');
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    const seconds = (performance.now() - started) / 1_000;
    for (const [procedure, outcome] of outcomes(procedures, failures))
      requestMetrics().record(procedure, outcome, seconds);
    const codes = failures.map((failure) => failure.code);
    if (codes.length) span.setAttribute('trpc.error_codes', codes);
    span.end();
  }
}
