import type { OrderStatus } from '@delivery/common';
import { ChefHatIcon } from '@delivery/ui/icons';
import { formatClock } from '@delivery/ui/lib/format-time';

/**
 * What the restaurant said: while the food cooks, who accepted it and when it will be ready;
 * once it said no, its reason.
 */
export function RestaurantAnswer({ order }: { order: OrderStatus }) {
  const answer = order.restaurant;
  if (!answer) return null;
  if (answer.answer === 'rejected') {
    return (
      <div
        className="flex gap-3 rounded-xl bg-rose-50 p-3 text-sm text-rose-950 ring-1 ring-rose-200"
        data-testid="restaurant-answer"
        data-answer="rejected"
      >
        <ChefHatIcon className="mt-0.5 size-5 shrink-0 text-rose-700" />
        <p>
          <span className="block font-medium">The reason {answer.by.name} gave:</span>
          <q data-testid="rejection-reason">{answer.reason}</q>
        </p>
      </div>
    );
  }
  if (order.state !== 'Preparing') return null;
  return (
    <div
      className="flex gap-3 rounded-xl bg-orange-50 p-3 text-sm text-orange-950 ring-1 ring-orange-200"
      data-testid="restaurant-answer"
      data-answer="accepted"
    >
      <ChefHatIcon className="mt-0.5 size-5 shrink-0 text-orange-700" />
      <p>
        Accepted by {answer.by.name} at <time dateTime={answer.at}>{formatClock(answer.at)}</time>.{' '}
        <span className="font-medium">
          Ready around{' '}
          <time dateTime={answer.readyAt} data-testid="ready-at">
            {formatClock(answer.readyAt)}
          </time>
        </span>{' '}
        ({answer.prepMinutes === 0 ? 'straight away' : `${answer.prepMinutes} min`}).
      </p>
    </div>
  );
}
