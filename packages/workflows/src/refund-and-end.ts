import type { OrderState } from '@delivery/common';
import type { OrderResult } from './messages';
import type { OrderRun } from './order-run';

/** Refunds, then ends in `state`; a refund the provider refuses for good ends `Refund failed`. */
export async function refundAndEnd(
  run: OrderRun,
  state: OrderState,
  reason: string,
  notice: { event: string; refunded: string },
): Promise<OrderResult> {
  if (await run.refund(reason)) return run.end(state, notice.event, notice.refunded);
  run.status.failureReason = 'The payment provider refused the refund. Our team has been alerted.';
  return run.end(
    'Refund failed',
    'refund-failed',
    'We could not refund your payment automatically. Our team has been alerted and will refund you.',
  );
}
