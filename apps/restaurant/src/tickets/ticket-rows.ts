import { KITCHEN_STATES, isIn, type OrderSummary } from '@delivery/common';

export interface TicketPage {
  tickets: OrderSummary[];
  nextCursor: string | null;
}

/** Whether the kitchen still has something to do with the order: answer, cook or hand over. */
export const isTicket = (row: OrderSummary): boolean => isIn(KITCHEN_STATES, row.state);
