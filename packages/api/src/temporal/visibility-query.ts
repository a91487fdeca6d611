import {
  COMING_UP,
  KITCHEN_STATES,
  WAITING_FOR_DRIVER,
  WITH_DRIVER,
  type OrderState,
} from '@delivery/common';
import {
  CustomerIdKey,
  DriverIdKey,
  OrderStateKey,
  WORKFLOW_TYPE,
} from '@delivery/workflows/contract';

/** A string literal of Temporal's List Filter: quotes and backslashes escaped. */
export function literal(value: string): string {
  return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

const ofType = `WorkflowType=${literal(WORKFLOW_TYPE)}`;
const running = `${ofType} AND ExecutionStatus='Running'`;
const inStates = (states: readonly OrderState[]) =>
  `${OrderStateKey.name} IN (${states.map(literal).join(', ')})`;

export const customerOrdersQuery = (customerId: string): string =>
  `${ofType} AND ${CustomerIdKey.name}=${literal(customerId)}`;

/**
 * What a driver's board shows: food waiting for any driver, food still cooking (coming up), and
 * the orders this driver carries; never an order the restaurant has not accepted.
 */
export const boardQuery = (driverId: string): string =>
  `${running} AND (${inStates([...WAITING_FOR_DRIVER, COMING_UP])} OR ` +
  `(${inStates([WITH_DRIVER])} AND ${DriverIdKey.name}=${literal(driverId)}))`;

/**
 * The kitchen's tickets: orders to answer, cook or hand over. Unordered: Visibility on SQL (the
 * dev server, PostgreSQL) refuses ORDER BY, and answers newest first.
 */
export const ticketsQuery = `${running} AND ${inStates(KITCHEN_STATES)}`;
