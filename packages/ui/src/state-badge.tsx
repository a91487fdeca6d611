import { PAYMENT_IN_PROGRESS_STATES, isIn, type OrderState } from '@delivery/common';
import { cx } from './lib/cx';

const tones: Record<OrderState, string> = {
  'Authorizing card': 'bg-amber-100 text-amber-900 ring-amber-300',
  'Waiting for restaurant': 'bg-violet-100 text-violet-900 ring-violet-300',
  Preparing: 'bg-orange-100 text-orange-900 ring-orange-300',
  'Ready for pickup': 'bg-sky-100 text-sky-900 ring-sky-300',
  'Charging card': 'bg-amber-100 text-amber-900 ring-amber-300',
  Paid: 'bg-sky-100 text-sky-900 ring-sky-300',
  'Picked up': 'bg-indigo-100 text-indigo-900 ring-indigo-300',
  Delivered: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  'Releasing hold': 'bg-amber-100 text-amber-900 ring-amber-300',
  Refunding: 'bg-amber-100 text-amber-900 ring-amber-300',
  Refunded: 'bg-stone-200 text-stone-800 ring-stone-300',
  Failed: 'bg-red-100 text-red-900 ring-red-300',
  Rejected: 'bg-rose-100 text-rose-900 ring-rose-300',
  Cancelled: 'bg-stone-200 text-stone-800 ring-stone-300',
  'Refund failed': 'bg-red-100 text-red-900 ring-red-300',
};

/** The order's state in words and colour; `data-state` lets tests read it without parsing. */
export function StateBadge({ state, className }: { state: OrderState; className?: string }) {
  return (
    <span
      data-state={state}
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset',
        tones[state],
        className,
      )}
    >
      <span
        aria-hidden
        className={cx(
          'size-1.5 rounded-full bg-current',
          isIn(PAYMENT_IN_PROGRESS_STATES, state) && 'animate-pulse',
        )}
      />
      {state}
    </span>
  );
}
