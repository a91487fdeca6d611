import { WAITING_FOR_DRIVER, WITH_DRIVER, type OrderState } from '@delivery/common';
import {
  CustomerIdKey,
  DriverIdKey,
  OrderStateKey,
  OrderUpdatedAtKey,
  WORKFLOW_TYPE,
} from '@delivery/workflows/contract';

/** A string literal of Temporal's List Filter: quotes and backslashes escaped. */
export function literal(value: string): string {
  return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

const ofType = `WorkflowType=${literal(WORKFLOW_TYPE)}`;
const inState = (state: OrderState) => `${OrderStateKey.name}=${literal(state)}`;

export const customerOrdersQuery = (customerId: string): string =>
  `${ofType} AND ${CustomerIdKey.name}=${literal(customerId)}`;

/** What a driver's board shows: orders waiting for any driver, and the ones this driver carries. */
export const boardQuery = (driverId: string): string =>
  `${ofType} AND ExecutionStatus='Running' AND (${inState(WAITING_FOR_DRIVER)} OR ` +
  `(${inState(WITH_DRIVER)} AND ${DriverIdKey.name}=${literal(driverId)}))`;

export const changedSinceQuery = (since: Date): string =>
  `${ofType} AND ${OrderUpdatedAtKey.name}>=${literal(since.toISOString())}`;
