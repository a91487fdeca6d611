import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import type { Tracing } from '@delivery/observability';

export type WorkerTracing = Pick<Tracing, 'spanProcessor' | 'resource'>;

/**
 * Temporal's OpenTelemetry interceptors: a workflow continues the trace of whoever started it
 * (the span context rides in the start's headers), each activity continues the workflow's, and the
 * spans made in the workflow sandbox (its interceptors are in the bundle: src/workflow-bundle.ts)
 * leave it through the `exporter` sink. Always installed, so the workflow bundle is the same
 * whether or not spans are exported.
 */
export function tracingOptions({
  spanProcessor,
  resource,
}: WorkerTracing): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(spanProcessor, resource) },
  };
}
