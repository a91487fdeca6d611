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
import { traceContextStorage } from './trace-context-storage';

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

/**
 * OpenTelemetry's context in the sandbox, kept in the one storage every cached order shares
 * (src/trace-context-storage.ts says why) rather than in a storage of each order's own.
 */
class SharedStorageContextManager implements otel.ContextManager {
  private readonly storage = traceContextStorage();

  active(): otel.Context {
    return this.storage.getStore() ?? otel.ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: otel.Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(context, () => fn.apply(thisArg, args));
  }

  bind<T>(context: otel.Context, target: T): T {
    if (typeof target !== 'function')
      throw new TypeError(`Only function binding is supported, got ${typeof target}`);
    return ((...args: unknown[]) =>
      this.with(context, () => (target as (...a: unknown[]) => unknown)(...args))) as T;
  }

  enable(): this {
    return this;
  }

  /** Other orders keep using the storage: the sandbox disables it when the worker stops. */
  disable(): this {
    return this;
  }
}

export const interceptors = (): WorkflowInterceptors => {
  const tracing = {
    inbound: [new OpenTelemetryInboundInterceptor()],
    outbound: [new ActivitySpanBeside()],
    internals: [new OpenTelemetryInternalsInterceptor()],
  };
  // The package registered a context manager with a storage of this order's own, still unused.
  otel.context.disable();
  otel.context.setGlobalContextManager(new SharedStorageContextManager());
  return tracing;
};
