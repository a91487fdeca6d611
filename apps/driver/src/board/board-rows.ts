import { COMING_UP, isWaitingForDriver, type OrderSummary } from '@delivery/common';

export interface BoardPage {
  orders: OrderSummary[];
  nextCursor: string | null;
}

/** The board's sections: food to pick up now, food still cooking, and this driver's own. */
export type BoardSectionName = 'waiting' | 'comingUp' | 'yours';

export function sectionOf(row: OrderSummary): BoardSectionName {
  if (isWaitingForDriver(row.state)) return 'waiting';
  return row.state === COMING_UP ? 'comingUp' : 'yours';
}
