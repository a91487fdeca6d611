import { formatCents, type OrderLine } from '@delivery/common';
import { cx } from './lib/cx';

export interface OrderLinesProps {
  lines: readonly OrderLine[];
  totalCents: number;
  className?: string;
}

/** "2 × Pad Thai ... $28.00" per dish, then the total. */
export function OrderLines({ lines, totalCents, className }: OrderLinesProps) {
  return (
    <div className={cx('text-sm', className)}>
      <ul className="space-y-1">
        {lines.map((line) => (
          <li key={line.productId} className="flex justify-between gap-3">
            <span>
              <span className="font-semibold tabular-nums">{line.quantity} ×</span> {line.name}
            </span>
            <span className="text-stone-600 tabular-nums">{formatCents(line.lineTotalCents)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex justify-between gap-3 border-t border-stone-200 pt-2 font-semibold">
        <span>Total</span>
        <span className="tabular-nums" data-testid="order-total">
          {formatCents(totalCents)}
        </span>
      </p>
    </div>
  );
}
