import type { Client } from '@temporalio/client';
import { readyForPickup } from '@delivery/harness/order-actions';
import { workflowIdOf } from '@delivery/workflows/contract';

/**
 * The restaurant at the pass, as fast as it can be: it accepts each order once the card is held
 * and marks it ready at once, through the harness's actions on the bench's Temporal client.
 */
export class Kitchen {
  constructor(private readonly client: Client) {}

  /** Resolves once the order is ready for pickup. */
  async ready(orderId: string): Promise<void> {
    await readyForPickup(this.client.workflow.getHandle(workflowIdOf(orderId)));
  }
}
