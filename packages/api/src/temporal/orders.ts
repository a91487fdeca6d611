import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { type OrderInput, type OrderStatus, type OrderSummary } from '@delivery/common';
import {
  CustomerIdKey,
  WORKFLOW_TYPE,
  orderStartOptions,
  workflowIdOf,
  type OrderAction,
} from '@delivery/workflows/contract';
import type { order } from '@delivery/workflows';
import { readStatus, requestAction, type OrderHandle } from '@delivery/workflows/client';
import type { TemporalAccess } from './access';
import { ActionRefusedError, OrderIdTakenError, OrderNotFoundError } from './errors';
import { orderMemoSchema, toOrderSummary } from './order-summary';
import { isSameOrder } from './same-order';
import { decodeExecution } from './visibility-row';

const handleOf = (client: Client, orderId: string): OrderHandle =>
  client.workflow.getHandle<typeof order>(workflowIdOf(orderId));

/**
 * Starts the order's workflow. The order id is the workflow id and reuse is refused, so the same
 * request again finds the order it started instead of charging twice.
 */
export function placeOrder(
  temporal: TemporalAccess,
  input: OrderInput,
  { taskQueue }: { taskQueue: string },
): Promise<void> {
  return temporal.run(async (client) => {
    try {
      await client.workflow.start<typeof order>(
        WORKFLOW_TYPE,
        orderStartOptions(input, { taskQueue }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const existing = await handleOf(client, input.orderId).describe();
      const existingMemo = orderMemoSchema.safeParse(existing.memo);
      const sameOrder =
        existing.typedSearchAttributes.get(CustomerIdKey) === input.customerId &&
        existingMemo.success &&
        isSameOrder(existingMemo.data, input);
      if (!sameOrder) throw new OrderIdTakenError(input.orderId);
    }
  });
}

/** The whole status: from the workflow, or an ended order's result. `customerId` hides others' orders. */
export async function orderStatus(
  temporal: TemporalAccess,
  orderId: string,
  customerId?: string,
): Promise<OrderStatus> {
  const status = await temporal.run((client) => readStatus(handleOf(client, orderId)));
  if (customerId !== undefined && status.customerId !== customerId)
    throw new OrderNotFoundError(orderId);
  return status;
}

async function assertOwner(handle: OrderHandle, orderId: string, customerId: string) {
  const { typedSearchAttributes } = await handle.describe();
  if (typedSearchAttributes.get(CustomerIdKey) !== customerId)
    throw new OrderNotFoundError(orderId);
}

/**
 * Sends an action to the order and returns the status it produced, or throws why it was refused.
 * `requestId` names the action for retries: sent again, it is answered with its first outcome.
 */
export function actOnOrder(
  temporal: TemporalAccess,
  request: {
    orderId: string;
    action: OrderAction;
    requestId: string;
    /** Set for customer actions: only the customer who placed the order may act on it. */
    customerId?: string;
  },
): Promise<OrderStatus> {
  const { orderId, action, requestId, customerId } = request;
  return temporal.run(async (client) => {
    const handle = handleOf(client, orderId);
    if (customerId !== undefined) await assertOwner(handle, orderId, customerId);
    const { outcome, status } = await requestAction(handle, { ...action, requestId });
    if (!outcome.accepted) throw new ActionRefusedError(outcome.refusal);
    return status;
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
    const response = await client.workflowService.listWorkflowExecutions({
      namespace: client.options.namespace,
      query: request.query,
      pageSize: request.pageSize,
      nextPageToken: request.pageToken,
    });
    return {
      orders: response.executions
        .map((raw) => toOrderSummary(decodeExecution(raw)))
        .filter((row): row is OrderSummary => row !== null),
      nextPageToken: response.nextPageToken?.length ? response.nextPageToken : null,
    };
  });
}
