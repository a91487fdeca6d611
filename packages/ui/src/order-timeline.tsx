import {
  SETBACK_STATES,
  happyPathOf,
  isIn,
  type OrderState,
  type TimelineEntry,
} from '@delivery/common';
import { cx } from './lib/cx';
import { formatClockWithSeconds, formatFullDate } from './lib/format-time';

/** The steps of the order's own happy path (old orders were charged up front) not reached yet. */
function stepsAhead(timeline: readonly TimelineEntry[]): OrderState[] {
  const reached = new Set(timeline.map((entry) => entry.state));
  if ([...reached].some((state) => isIn(SETBACK_STATES, state))) return [];
  return happyPathOf(reached).filter((state) => !reached.has(state));
}

export function OrderTimeline({ timeline }: { timeline: readonly TimelineEntry[] }) {
  const ahead = stepsAhead(timeline);
  const last = timeline.length - 1;
  return (
    <ol aria-label="Order progress" className="relative space-y-4" data-testid="order-timeline">
      {timeline.map((entry, index) => (
        <li
          key={`${entry.state}-${entry.at}`}
          aria-current={index === last ? 'step' : undefined}
          className="relative flex items-start gap-3 animate-fade-in"
        >
          <Dot tone={toneOf(entry.state, index === last)} />
          <div className="flex flex-1 flex-wrap items-baseline justify-between gap-x-3">
            <span className={cx('font-medium', index === last && 'font-semibold')}>
              {entry.state}
            </span>
            <time
              dateTime={entry.at}
              title={formatFullDate(entry.at)}
              className="text-sm text-stone-600 tabular-nums"
            >
              {formatClockWithSeconds(entry.at)}
            </time>
          </div>
        </li>
      ))}
      {ahead.map((state) => (
        <li key={state} className="relative flex items-start gap-3 text-stone-500">
          <Dot tone="ahead" />
          <span>
            {state}
            <span className="sr-only"> (not yet)</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

type Tone = 'done' | 'current' | 'setback' | 'failed' | 'ahead';

function toneOf(state: OrderState, current: boolean): Tone {
  if (state === 'Failed') return 'failed';
  if (isIn(SETBACK_STATES, state)) return 'setback';
  return current ? 'current' : 'done';
}

const DOTS: Record<Tone, string> = {
  done: 'bg-emerald-600 ring-emerald-200',
  current: 'bg-brand-700 ring-brand-200',
  setback: 'bg-amber-500 ring-amber-200',
  failed: 'bg-red-600 ring-red-200',
  ahead: 'bg-white ring-stone-300',
};

function Dot({ tone }: { tone: Tone }) {
  return (
    <span
      aria-hidden
      className={cx('mt-1 grid size-4 shrink-0 place-items-center rounded-full ring-2', DOTS[tone])}
    >
      {tone === 'current' && <span className="size-1.5 rounded-full bg-white" />}
    </span>
  );
}
