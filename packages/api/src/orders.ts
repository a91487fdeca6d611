import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type UpdateDefinition,
  type WorkflowHandle,
} from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import { TRPCError } from '@trpc/server';
import { type OrderInput, type OrderStatus, type OrderSummary } from '@delivery/common';
import {
  CustomerIdKey,
  OrderStateKey,
  OrderUpdatedAtKey,
  WORKFLOW_TYPE,
} from '@delivery/common/search-attributes';
import { taskQueue } from '@delivery/common/env';
import type { order } from '@delivery/workflows';
import { REFUSAL_TYPES, getStatusQuery } from '@delivery/workflows/messages';
import { refusalOfEndedOrder } from './ended-order';
import { noOrder } from './errors';
import { isSameOrder } from './same-order';
import { orderMemoSchema, toOrderSummary, type OrderMemo } from './order-summary';
import type { TemporalAccess } from './temporal-client';
import { workflowIdOf } from './workflow-id';

const handleOf = (client: Client, orderId: string) =>
  client.workflow.getHandle<typeof order>(workflowIdOf(orderId));

/**
 * Starts the order's workflow. The order id is the workflow id and reuse is refused, so the same
 * request again finds the order it started instead of charging twice.
 */
export function placeOrder(temporal: TemporalAccess, input: OrderInput): Promise<void> {
  const memo: OrderMemo = {
    lines: input.lines,
    totalCents: input.totalCents,
    paymentMethod: input.paymentMethod,
    createdAt: new Date().toISOString(),
  };
  return temporal.run(async (client) => {
    try {
      await client.workflow.start<typeof order>(WORKFLOW_TYPE, {
        workflowId: workflowIdOf(input.orderId),
        taskQueue: taskQueue(),
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        memo: { ...memo },
        typedSearchAttributes: [
          { key: CustomerIdKey, value: input.customerId },
          { key: OrderStateKey, value: 'Charging card' },
          { key: OrderUpdatedAtKey, value: new Date(memo.createdAt) },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const existing = await handleOf(client, input.orderId).describe();
      const existingMemo = orderMemoSchema.safeParse(existing.memo);
      const sameOrder =
        existing.typedSearchAttributes.get(CustomerIdKey) === input.customerId &&
        existingMemo.success &&
        isSameOrder(existingMemo.data, input);
      if (!sameOrder) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'This order id is already used by another order.',
        });
      }
    }
  });
}

/** The whole status, from the workflow itself; `customerId` hides other customers' orders. */
export async function orderStatus(
  temporal: TemporalAccess,
  orderId: string,
  customerId?: string,
): Promise<OrderStatus> {
  const status = await temporal.run((client) => handleOf(client, orderId).query(getStatusQuery));
  if (customerId !== undefined && status.customerId !== customerId) throw noOrder(orderId);
  return status;
}

async function assertOwner(
  handle: WorkflowHandle,
  orderId: string,
  customerId: string,
): Promise<void> {
  const { typedSearchAttributes } = await handle.describe();
  if (typedSearchAttributes.get(CustomerIdKey) !== customerId) throw noOrder(orderId);
}

/**
 * Sends an Update and returns the status it produced; the workflow's validator answers why an
 * action cannot take effect. An ended order no longer takes Updates, so its status explains why.
 */
const STEP_BOUNDARY_RETRIES = 10;
const STEP_BOUNDARY_PAUSE_MS = 200;

const isAtStepBoundary = (error: unknown): boolean =>
  error instanceof WorkflowUpdateFailedError &&
  error.cause instanceof ApplicationFailure &&
  error.cause.type === REFUSAL_TYPES.retryLater;

/** An order at a step boundary asks for the action again a moment later: the person need not. */
async function retryWhileAtStepBoundary<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await action();
    } catch (error) {
      if (!isAtStepBoundary(error) || attempt >= STEP_BOUNDARY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, STEP_BOUNDARY_PAUSE_MS));
    }
  }
}

export function updateOrder<Args extends unknown[]>(
  temporal: TemporalAccess,
  request: {
    orderId: string;
    update: UpdateDefinition<OrderStatus, Args>;
    args: Args;
    /** Set for customer actions: only the customer who placed the order may act on it. */
    customerId?: string;
  },
): Promise<OrderStatus> {
  const { orderId, update, args, customerId } = request;
  return temporal.run(async (client) => {
    const handle = handleOf(client, orderId);
    if (customerId !== undefined) await assertOwner(handle, orderId, customerId);
    // executeUpdate's overloads split Updates with and without arguments; this one takes both.
    const execute = handle.executeUpdate.bind(handle) as (
      definition: UpdateDefinition<OrderStatus, Args>,
      options: { args: Args },
    ) => Promise<OrderStatus>;
    try {
      return await retryWhileAtStepBoundary(() => execute(update, { args }));
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const status = await handle.query(getStatusQuery);
      throw new TRPCError({
        code: 'CONFLICT',
        message: refusalOfEndedOrder(status, update.name),
        cause: error,
      });
    }
  });
}

export interface OrderPage {
  orders: OrderSummary[];
  /** Opaque Visibility token of the next page; `null` on the last page. */
  nextPageToken: Uint8Array | null;
}

/** One Visibility call: a page of orders from their search attributes and memo. */
export function listOrders(
  temporal: TemporalAccess,
  request: { query: string; pageSize: number; pageToken?: Uint8Array },
): Promise<OrderPage> {
  return temporal.run(async (client) => {
    const { namespace, loadedDataConverter } = client.options;
    const response = await client.workflowService.listWorkflowExecutions({
      namespace,
      query: request.query,
      pageSize: request.pageSize,
      nextPageToken: request.pageToken,
    });
    const infos = await Promise.all(
      response.executions.map((raw) =>
        executionInfoFromRaw(raw, loadedDataConverter, raw, namespace),
      ),
    );
    return {
      orders: infos.map(toOrderSummary).filter((row): row is OrderSummary => row !== null),
      nextPageToken: response.nextPageToken?.length ? response.nextPageToken : null,
    };
  });
}
