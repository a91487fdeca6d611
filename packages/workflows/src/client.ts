import {
  QueryRejectedError,
  WorkflowClient,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { OrderStatus } from '@delivery/common';
import {
  getStatusQuery,
  requestOutcomeQuery,
  requestSignal,
  type OrderRequest,
  type OrderResult,
  type RequestAnswer,
} from './messages';
import type { order } from './order';
import { GRPC, grpcCode } from './grpc-code';
import { refusalAfterEnd } from './rules';

export { GRPC, grpcCode };

/*
 * The caller's side of the order's messages, for the API and the tests alike. With a client made
 * with ORDER_CLIENT_OPTIONS, queries to a closed workflow are refused by the server, so an ended
 * order is read from its result and no worker has to replay it.
 */

export type OrderHandle = WorkflowHandle<typeof order>;

/** Client options under which an ended order is read from its result, without a worker. */
export const ORDER_CLIENT_OPTIONS = { queryRejectCondition: 'NOT_OPEN' } as const;

/** The order did not answer within the wait; the same request may be sent again safely. */
export class OrderNotAnsweringError extends Error {
  constructor(workflowId: string, waitedMs: number) {
    super(`Order ${workflowId} did not answer within ${waitedMs} ms; try again.`);
    this.name = 'OrderNotAnsweringError';
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An ended order, from the workflow's result. One that ended without a result (terminated, or
 * cancelled by an operator before cancels completed with a status) is replayed by a worker.
 */
async function endedOrder(handle: OrderHandle): Promise<OrderResult> {
  try {
    return await handle.result();
  } catch (error) {
    if (!(error instanceof WorkflowFailedError)) throw error;
    const replaying = new WorkflowClient({
      connection: handle.client.connection,
      namespace: handle.client.options.namespace,
    });
    return replaying.getHandle<typeof order>(handle.workflowId).query(getStatusQuery);
  }
}

/** The order's status with the outcomes of its requests: from the query, or the ended order's result. */
export async function readOrder(handle: OrderHandle): Promise<OrderResult> {
  try {
    return await handle.query(getStatusQuery);
  } catch (error) {
    if (!(error instanceof QueryRejectedError)) throw error;
    return endedOrder(handle);
  }
}

/** The order's status, without the outcomes of requests. */
export async function readStatus(handle: OrderHandle): Promise<OrderStatus> {
  const { outcomes: _outcomes, ...status } = await readOrder(handle);
  return status;
}

/** The request's answer, or `null` while the order has not handled it (or cannot answer yet). */
async function answerOf(handle: OrderHandle, request: OrderRequest): Promise<RequestAnswer | null> {
  try {
    return await handle.query(requestOutcomeQuery, request.requestId);
  } catch (error) {
    if (error instanceof QueryRejectedError) return answerOfEnded(handle, request);
    // A worker died in the order's last task: no query is served until another worker has run it.
    if (grpcCode(error) === GRPC.failedPrecondition) return null;
    throw error;
  }
}

/** An ended order answers a request from its result: the first outcome, or why it is too late. */
async function answerOfEnded(handle: OrderHandle, request: OrderRequest): Promise<RequestAnswer> {
  const { outcomes, ...status } = await endedOrder(handle);
  const outcome = outcomes?.[request.requestId];
  return {
    outcome: outcome ?? { accepted: false, refusal: refusalAfterEnd(status, request.action) },
    status,
  };
}

/**
 * Sends an action and waits for its outcome. The signal is durable once sent: if the order does
 * not answer within `waitMs` (no worker running), the action still takes effect later, and
 * sending the same request again is answered with its first outcome.
 */
export async function requestAction(
  handle: OrderHandle,
  request: OrderRequest,
  { waitMs = 10_000, pollMs = 25 } = {},
): Promise<RequestAnswer> {
  try {
    await handle.signal(requestSignal, request);
  } catch (error) {
    // A closed workflow takes no signals; one that never existed is not found either way.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    const ended = await answerOfEnded(handle, request).catch(() => null);
    if (!ended) throw error;
    return ended;
  }
  const deadline = Date.now() + waitMs;
  for (let wait = pollMs; ; wait = Math.min(wait * 2, 250)) {
    const answer = await answerOf(handle, request);
    if (answer) return answer;
    if (Date.now() + wait > deadline) throw new OrderNotAnsweringError(handle.workflowId, waitMs);
    await pause(wait);
  }
}
