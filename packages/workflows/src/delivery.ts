import { condition } from '@temporalio/workflow';
import type { OrderResult } from './messages';
import type { OrderRun } from './order-run';
import { refundAndEnd } from './refund-and-end';

/**
 * The last leg, the same whichever way the order was paid: delivered within the delivery window
 * (or refunded), then a rating asked for if none came within the delay; the order closes when
 * the rating window does.
 */
export async function deliverAndAskForRating(run: OrderRun): Promise<OrderResult> {
  const { windows } = run;
  await condition(() => run.state === 'Delivered', Math.max(1, run.deliveryDueAt - Date.now()));
  if (run.state !== 'Delivered') {
    run.status.failureReason = 'The order was not delivered in time.';
    return refundAndEnd(run, 'Refunded', 'delivery-timeout', {
      event: 'refunded',
      refunded: 'Your order was not delivered in time; it was refunded.',
    });
  }

  const rated = () => run.status.rating !== null;
  if (!(await condition(rated, windows.ratingDelayMs))) {
    run.status.ratingRequested = true;
    run.notify('rating-requested', 'How was your meal? Rate it from 1 to 5 stars.');
    run.touch();
    await condition(rated, Math.max(0, windows.ratingWindowMs - windows.ratingDelayMs));
  }
  run.ratingOpen = false;
  return run.finish();
}
