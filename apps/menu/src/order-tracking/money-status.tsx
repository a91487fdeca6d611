import { formatCents, moneyOf, type MoneyState, type OrderStatus } from '@delivery/common';
import { CreditCardIcon } from '@delivery/ui/icons';
import { cx } from '@delivery/ui/lib/cx';

const WORDS: Record<MoneyState, (total: string) => string> = {
  authorizing: (total) => `Placing a hold of ${total} on your card…`,
  authorized: (total) =>
    `${total} held on your card. You are charged only when a driver picks up your food.`,
  captured: (total) => `${total} charged to your card.`,
  released: () => 'Hold released: you were not charged.',
  refunded: (total) => `${total} refunded to your card.`,
  'not charged': () => 'Your card was not charged.',
  'refund failed': (total) =>
    `Refund failed: ${total} is still charged. Our team has been alerted and will refund you.`,
};

const TONES: Record<MoneyState, string> = {
  authorizing: 'bg-stone-50 text-stone-800 ring-stone-200',
  authorized: 'bg-sky-50 text-sky-950 ring-sky-200',
  captured: 'bg-stone-50 text-stone-800 ring-stone-200',
  released: 'bg-emerald-50 text-emerald-950 ring-emerald-200',
  refunded: 'bg-emerald-50 text-emerald-950 ring-emerald-200',
  'not charged': 'bg-stone-50 text-stone-800 ring-stone-200',
  'refund failed': 'bg-red-50 text-red-950 ring-red-200',
};

/** Where the customer's money stands: held, charged, released, refunded… */
export function MoneyStatus({ order }: { order: OrderStatus }) {
  const money = moneyOf(order);
  return (
    <p
      className={cx('flex gap-3 rounded-xl p-3 text-sm ring-1', TONES[money])}
      data-testid="money"
      data-money={money}
    >
      <CreditCardIcon className="mt-0.5 size-5 shrink-0 opacity-70" />
      <span>
        <span className="sr-only">Payment: </span>
        {WORDS[money](formatCents(order.totalCents))}
      </span>
    </p>
  );
}
