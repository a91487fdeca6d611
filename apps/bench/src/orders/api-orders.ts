import { TemporalAccess, configFromEnv, placeOrder } from '@delivery/api';
import type { OrderInput } from '@delivery/common';
import { ORDER_TASK_QUEUE, SESSION_SECRET, TEMPORAL_ADDRESS } from '../config';

/**
 * Starts orders with the API's own `placeOrder` (the code behind `createOrder`) and Temporal
 * client, in the bench's process, set up from the settings the sites are given.
 */
export class ApiOrders {
  private readonly config = configFromEnv({
    TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: 'default',
    TASK_QUEUE: ORDER_TASK_QUEUE,
    SESSION_SECRET,
    // Required of every API configuration, but only staff sign-in and live pages open them:
    // never here.
    ACCOUNTS_DB_PATH: ':memory:',
    ORDER_EVENTS_DB_PATH: ':memory:',
  });
  private readonly temporal = new TemporalAccess(this.config.temporal);

  place(input: OrderInput): Promise<void> {
    return placeOrder(this.temporal, input, { taskQueue: this.config.taskQueue });
  }

  close(): Promise<void> {
    return this.temporal.close();
  }
}
