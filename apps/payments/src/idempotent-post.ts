import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonResponse, toResponse, type ApiResponse } from './api-response';
import { drawFault, providerUnavailable, simulateLatency, type FaultSettings } from './faults';
import { idempotencyKeyInUse, requireIdempotencyKey, type IdempotencyStore } from './idempotency';
import { parseParams } from './params';
import type { PendingCommits } from './pending-commits';
import { readBodyParams } from './request-body';
import { summarize, type AppEnv } from './request-log';

export interface PostDependencies {
  idempotency: IdempotencyStore;
  pendingCommits: PendingCommits;
  faults: FaultSettings;
}

/**
 * A money-moving POST: validated params, processed once per Idempotency-Key inside one
 * transaction, with the configured faults, commit delay and latency around it.
 */
export function idempotentPost<Schema extends z.ZodObject>(
  { idempotency, pendingCommits, faults }: PostDependencies,
  schema: Schema,
  /** `id` is the route's `:id` (`/v1/payment_intents/:id/capture`), '' on a route without one. */
  process: (params: z.output<Schema>, id: string) => ApiResponse,
) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const key = requireIdempotencyKey(c.req.header('Idempotency-Key'));
    const params = parseParams(schema, await readBodyParams(c.req));
    if (pendingCommits.holds(key)) {
      c.set('outcome', 'key held by a pending commit');
      return toResponse(idempotencyKeyInUse(key));
    }
    const fault = drawFault(faults);
    if (fault === 'before-processing') {
      await simulateLatency(faults);
      c.set('outcome', 'injected fault before processing');
      return toResponse(providerUnavailable);
    }

    // Only watched to tell the log: a late commit goes ahead whether or not the client is there.
    const client = c.req.raw.signal;
    // A key that already holds its response only replays it, which a slow provider does at once.
    const commitDelayMs = idempotency.has(key) ? 0 : faults.commitDelayMs;
    const outcome = await pendingCommits.commitAfter(key, commitDelayMs, () =>
      idempotency.execute({ key, method: c.req.method, path: c.req.path, params }, () =>
        process(params, c.req.param('id') ?? ''),
      ),
    );
    const summary =
      `${client.aborted ? 'committed after the client left, ' : ''}` +
      `${outcome.replayed ? 'replayed ' : ''}${summarize(JSON.parse(outcome.json))}`;
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
