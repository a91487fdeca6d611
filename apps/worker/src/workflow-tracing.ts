import * as otel from '@opentelemetry/api';
import { headersWithContext } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type {
  ActivityInput,
  Next,
  WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/*
 * Bundled with the workflows: Temporal's OpenTelemetry workflow interceptors, with one change, a
 * workaround for a platform bug (temporalio/sdk-typescript#1677: the SDK's interceptors add
 * awaits that reorder commands). The package's `scheduleActivity` hands the workflow a promise of
 * its own around the activity's, which settles a few microtasks later; in a task where an Update
 * races the order's own code, that reorders their commands, and a history recorded without
 * tracing no longer replays (v1-updates/delivered-and-rated.json; test/tracing-replay.test.ts
 * reproduces it). Here the workflow gets the activity's own promise and the span ends beside it,
 * so tracing changes nothing a history records.
 */

class ActivitySpanBeside extends OpenTelemetryOutboundInterceptor {
  override scheduleActivity(
    input: ActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>,
  ): Promise<unknown> {
    const span = this.tracer.startSpan(`StartActivity:${input.activityType}`);
    const headers = otel.context.with(otel.trace.setSpan(otel.context.active(), span), () =>
      headersWithContext(input.headers),
    );
    const result = next({ ...input, headers });
    result.then(
      () => span.end(),
      (error: unknown) => {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: otel.SpanStatusCode.ERROR, message: String(error) });
        span.end();
      },
    );
    return result;
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new OpenTelemetryInboundInterceptor()],
  outbound: [new ActivitySpanBeside()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
