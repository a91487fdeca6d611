import type { Rating, Staff } from '@delivery/common';

/**
 * The workflow's own checks of what reaches it. They are frozen: a limit here decides how a
 * recorded order replays, so it never changes. The API enforces the current, tighter limits
 * (`@delivery/common`'s schemas) before anything reaches Temporal.
 */
const MAX_ID_CHARS = 128;
const MAX_NAME_CHARS = 200;
const MAX_COMMENT_CHARS = 2_000;
const MAX_REASON_CHARS = 500;
const MAX_PREP_MINUTES = 24 * 60;
const WINDOW_NAMES = [
  'paymentWindowMs',
  'restaurantWindowMs',
  'preparationGraceMs',
  'pickupWindowMs',
  'deliveryWindowMs',
  'ratingDelayMs',
  'ratingWindowMs',
] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown, maxChars: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= maxChars;

const isWholeAtLeast = (value: unknown, min: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min;

function lineProblem(line: unknown): string | null {
  if (!isRecord(line)) return 'each line must be an object';
  if (!isText(line.productId, MAX_ID_CHARS)) return 'each line needs a product id';
  if (!isText(line.name, MAX_NAME_CHARS)) return 'each line needs a name';
  if (!isWholeAtLeast(line.quantity, 1)) return 'quantities are whole numbers of at least 1';
  if (!isWholeAtLeast(line.unitPriceCents, 0) || !isWholeAtLeast(line.lineTotalCents, 0))
    return 'prices are whole cents';
  return null;
}

function windowsProblem(windows: unknown): string | null {
  if (windows === undefined) return null;
  if (!isRecord(windows)) return 'windows must be an object';
  for (const name of WINDOW_NAMES) {
    const value = windows[name];
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && value < Infinity))
      return `${name} must be a number of milliseconds`;
  }
  return null;
}

/** What is wrong with an order's input, or `null` when the workflow can run it. */
export function orderInputProblem(input: unknown): string | null {
  if (!isRecord(input)) return 'the input must be an object';
  if (!isText(input.orderId, MAX_ID_CHARS)) return 'orderId is required';
  if (!isText(input.customerId, MAX_ID_CHARS)) return 'customerId is required';
  if (!Array.isArray(input.lines) || input.lines.length === 0) return 'lines must be a list';
  const line = input.lines.map(lineProblem).find((problem) => problem !== null);
  if (line) return line;
  if (!isWholeAtLeast(input.totalCents, 1)) return 'totalCents must be whole cents above 0';
  if (!isText(input.paymentMethod, MAX_ID_CHARS)) return 'paymentMethod is required';
  return windowsProblem(input.windows);
}

/** A driver or a member of the restaurant's staff, as a site's session names them. */
export const isStaff = (value: unknown): value is Staff =>
  isRecord(value) && isText(value.id, MAX_ID_CHARS) && isText(value.name, MAX_NAME_CHARS);

export const isPrepMinutes = (value: unknown): value is number =>
  isWholeAtLeast(value, 0) && value <= MAX_PREP_MINUTES;

export const isReason = (value: unknown): value is string =>
  typeof value === 'string' && isText(value.trim(), MAX_REASON_CHARS);

/** The rating as the order keeps it (comment trimmed, empty dropped), or the problem with it. */
export function checkedRating(value: unknown): Rating | string {
  if (!isRecord(value)) return 'A rating is 1 to 5 stars.';
  const { stars, comment } = value;
  if (!Number.isInteger(stars) || (stars as number) < 1 || (stars as number) > 5)
    return 'A rating is 1 to 5 whole stars.';
  if (comment === undefined) return { stars: stars as number };
  if (typeof comment !== 'string' || comment.length > MAX_COMMENT_CHARS)
    return `A comment is at most ${MAX_COMMENT_CHARS} characters.`;
  const trimmed = comment.trim();
  return trimmed ? { stars: stars as number, comment: trimmed } : { stars: stars as number };
}

export const isRequestId = (value: unknown): value is string => isText(value, MAX_ID_CHARS * 2);
