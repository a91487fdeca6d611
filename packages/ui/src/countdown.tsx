'use client';

import { formatCountdown } from './lib/format-time';
import { useNow } from './lib/use-now';

/** "0:42 left", ticking; "time is up" once the moment has passed. Silent to screen readers. */
export function Countdown({ to, className }: { to: string; className?: string }) {
  const left = Date.parse(to) - useNow();
  return (
    <span role="timer" className={className} data-testid="countdown">
      {left > 0 ? `${formatCountdown(left)} left` : 'time is up'}
    </span>
  );
}
