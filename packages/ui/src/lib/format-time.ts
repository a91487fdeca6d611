const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const clockWithSeconds = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
const dateAndClock = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "12:03", or with a weekday when it is not today. */
export function formatClock(at: string | number, now = Date.now()): string {
  const date = new Date(at);
  return new Date(now).toDateString() === date.toDateString()
    ? clock.format(date)
    : dateAndClock.format(date);
}

export const formatClockWithSeconds = (at: string | number): string =>
  clockWithSeconds.format(new Date(at));

export const formatFullDate = (at: string | number): string => fullDate.format(new Date(at));

const pad = (value: number): string => String(value).padStart(2, '0');

/** A time left, as a countdown: "0:42", "12:05", then "3 h 07 min", then "3 days". */
export function formatCountdown(ms: number): string {
  const left = Math.max(0, ms);
  if (left >= 2 * DAY) return `${Math.floor(left / DAY)} days`;
  if (left >= HOUR) {
    const minutes = Math.floor((left % HOUR) / MINUTE);
    return `${Math.floor(left / HOUR)} h ${pad(minutes)} min`;
  }
  const totalSeconds = Math.ceil(left / SECOND);
  return `${Math.floor(totalSeconds / 60)}:${pad(totalSeconds % 60)}`;
}

/** How long ago: "just now", "40 s ago", "3 min ago", "2 h ago", "5 days ago". */
export function formatAge(ms: number): string {
  if (ms < 10 * SECOND) return 'just now';
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s ago`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
