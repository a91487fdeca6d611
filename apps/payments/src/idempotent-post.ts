import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonResponse, toResponse, type ApiResponse } from './api-response';
import { drawFault, providerUnavailable, simulateLatency, type FaultSettings } from './faults';
import { requireIdempotencyKey, type IdempotencyStore } from './idempotency';
import { parseParams } from './params';
import { readBodyParams } from './request-body';
import { summarize, type AppEnv } from './request-log';

export interface PostDependencies {
  idempotency: IdempotencyStore;
  faults: FaultSettings;
}

/**
 * A money-moving POST: validated params, processed once per Idempotency-Key inside one
 * transaction, with the configured faults and latency around it.
 */
export function idempotentPost<Schema extends z.ZodObject>(
  { idempotency, faults }: PostDependencies,
  schema: Schema,
  process: (params: z.output<Schema>) => ApiResponse,
) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const key = requireIdempotencyKey(c.req.header('Idempotency-Key'));
    const params = parseParams(schema, await readBodyParams(c.req));
    const fault = drawFault(faults);
    if (fault === 'before-processing') {
      await simulateLatency(faults);
      c.set('outcome', 'injected fault before processing');
      return toResponse(providerUnavailable);
    }

    const outcome = idempotency.execute(
      { key, method: c.req.method, path: c.req.path, params },
      () => process(params),
    );
    const summary = `${outcome.replayed ? 'replayed ' : ''}${summarize(JSON.parse(outcome.json))}`;
    await simulateLatency(faults);

    if (fault === 'after-commit') {
      c.set('outcome', `injected fault after commit, lost response: ${outcome.status} ${summary}`);
      return toResponse(providerUnavailable);
    }
    c.set('outcome', summary);
    return jsonResponse(
      outcome.status,
      outcome.json,
      outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {},
    );
  };
}
