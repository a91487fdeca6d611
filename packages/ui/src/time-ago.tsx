'use client';

import { formatAge, formatFullDate } from './lib/format-time';
import { useNow } from './lib/use-now';

export function TimeAgo({ at, className }: { at: string; className?: string }) {
  const age = useNow() - Date.parse(at);
  return (
    <time dateTime={at} title={formatFullDate(at)} className={className}>
      {formatAge(age)}
    </time>
  );
}
