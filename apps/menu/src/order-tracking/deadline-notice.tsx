'use client';

import { moneyOf, type DeadlineKind, type OrderStatus } from '@delivery/common';
import { Countdown } from '@delivery/ui/countdown';
import { ClockIcon } from '@delivery/ui/icons';
import { formatClock } from '@delivery/ui/lib/format-time';

interface Wording {
  /** Who has until when: "A driver has until 12:03 to pick up your order". */
  waitingFor: (until: string, order: OrderStatus) => string;
  /** What happens to the money if the time runs out. */
  otherwise: (order: OrderStatus) => string | null;
}

/** Until pickup the card is only held; an order charged up front was paid already. */
const moneyBack = (order: OrderStatus): string =>
  moneyOf(order) === 'authorized'
    ? 'the order is cancelled and the hold on your card released: you are not charged'
    : 'the order is cancelled and your payment refunded';

const WORDINGS: Record<DeadlineKind, Wording> = {
  payment: {
    waitingFor: (until) => `Your card provider has until ${until} to answer`,
    otherwise: () => 'If it does not, the order is cancelled and you are not charged.',
  },
  restaurant: {
    waitingFor: (until) => `The restaurant has until ${until} to accept your order`,
    otherwise: (order) => `If it does not answer, ${moneyBack(order)}.`,
  },
  ready: {
    waitingFor: (until) => `The kitchen has until ${until} at the latest to get your food ready`,
    otherwise: (order) => `If it is not ready by then, ${moneyBack(order)}.`,
  },
  pickup: {
    waitingFor: (until) => `A driver has until ${until} to pick up your order`,
    otherwise: (order) => `If nobody does, ${moneyBack(order)}.`,
  },
  delivery: {
    waitingFor: (until, order) =>
      `${order.driver?.name ?? 'Your driver'} has until ${until} to deliver it`,
    otherwise: () => 'If it does not arrive in time, your payment is refunded.',
  },
  rating: {
    waitingFor: (until) => `You can rate this order until ${until}`,
    otherwise: () => null,
  },
};

/** What the order is waiting for and until when: "A driver has until 12:03 … 0:42 left". */
export function DeadlineNotice({ order }: { order: OrderStatus }) {
  const { deadline } = order;
  if (!deadline) return null;
  const wording = WORDINGS[deadline.kind];
  const otherwise = wording.otherwise(order);

  return (
    <div
      className="flex gap-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200"
      data-testid="deadline"
      data-deadline-kind={deadline.kind}
    >
      <ClockIcon className="mt-0.5 size-5 shrink-0 text-amber-700" />
      <p>
        <span className="font-medium">{wording.waitingFor(formatClock(deadline.at), order)}</span> —{' '}
        <Countdown to={deadline.at} className="font-semibold tabular-nums" />.
        {otherwise && <span className="block text-amber-900">{otherwise}</span>}
      </p>
    </div>
  );
}
