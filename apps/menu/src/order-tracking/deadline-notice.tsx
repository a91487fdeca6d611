'use client';

import type { OrderStatus } from '@delivery/common';
import { Countdown } from '@delivery/ui/countdown';
import { ClockIcon } from '@delivery/ui/icons';
import { formatClock } from '@delivery/ui/lib/format-time';

/** What the order is waiting for and until when: "A driver has until 12:03 … 0:42 left". */
export function DeadlineNotice({ order }: { order: OrderStatus }) {
  const { deadline } = order;
  if (!deadline) return null;
  const until = formatClock(deadline.at);
  const waitingFor = {
    pickup: `A driver has until ${until} to pick up your order`,
    delivery: `${order.driver?.name ?? 'Your driver'} has until ${until} to deliver it`,
    rating: `You can rate this order until ${until}`,
  }[deadline.kind];
  const otherwise = {
    pickup: 'If nobody does, your payment is refunded.',
    delivery: 'If it does not arrive in time, your payment is refunded.',
    rating: null,
  }[deadline.kind];

  return (
    <div
      className="flex gap-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200"
      data-testid="deadline"
      data-deadline-kind={deadline.kind}
    >
      <ClockIcon className="mt-0.5 size-5 shrink-0 text-amber-700" />
      <p>
        <span className="font-medium">{waitingFor}</span> —{' '}
        <Countdown to={deadline.at} className="font-semibold tabular-nums" />.
        {otherwise && <span className="block text-amber-900">{otherwise}</span>}
      </p>
    </div>
  );
}
