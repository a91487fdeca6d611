import { requestMetrics } from './request-metrics';

/** A route handler (GET) that serves the request metrics in Prometheus's text format. */
export async function metricsRoute(): Promise<Response> {
  const { registry } = requestMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
