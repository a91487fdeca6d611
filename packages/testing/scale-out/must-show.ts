import type { OrderState } from '@delivery/common';
import type { OrderResult } from '@delivery/workflows/contract';
import type { PageOwner } from './pages';
import { isCooked, isPickedUp, type PlannedOrder } from './plan';

/** What a page must come to show of one order: a state (or one after it), reached at `at`. */
export interface MustShow {
  orderId: string;
  state: OrderState;
  /** When the order changed to what the page must show (the change's `updatedAt`). */
  at: string;
  /** The order page shows the order ended, not only its last state. */
  ended: boolean;
}

/** When the order last entered `state` (the timeline stamps it with the change's `updatedAt`). */
function enteredAt(result: OrderResult, state: OrderState): string {
  const entry = result.timeline.findLast((step) => step.state === state);
  if (!entry) throw new Error(`order ${result.orderId} never was ${state}`);
  return entry.at;
}

/** The order's last state, or `Picked up` for a list the food left when a driver took it. */
function lastOrPickedUp(planned: PlannedOrder, result: OrderResult, pickedUp: boolean): MustShow {
  const state = pickedUp ? 'Picked up' : result.state;
  return { orderId: planned.orderId, state, at: enteredAt(result, state), ended: false };
}

/**
 * What each page must come to show, from how its orders ended: an order page its order's end; a
 * customer's list the end of each of their orders; the kitchen every order it was asked about
 * until the food left (picked up) or the order ended; a driver's board each order the kitchen
 * cooked until another driver took it, or to its end when this driver did or none did.
 */
export function mustShow(
  owner: PageOwner,
  plan: PlannedOrder[],
  results: Map<string, OrderResult>,
): MustShow[] {
  const resultOf = (planned: PlannedOrder) => results.get(planned.orderId)!;
  switch (owner.kind) {
    case 'order': {
      const result = results.get(owner.orderId)!;
      return [{ orderId: owner.orderId, state: result.state, at: result.updatedAt, ended: true }];
    }
    case 'my orders':
      return plan
        .filter((planned) => planned.customer === owner.customer)
        .map((planned) => lastOrPickedUp(planned, resultOf(planned), false));
    case 'tickets':
      return plan
        .filter((planned) => planned.path !== 'card declined')
        .map((planned) => lastOrPickedUp(planned, resultOf(planned), isPickedUp(planned.path)));
    case 'board':
      return plan
        .filter((planned) => isCooked(planned.path))
        .map((planned) =>
          lastOrPickedUp(
            planned,
            resultOf(planned),
            isPickedUp(planned.path) && planned.driver !== owner.driver,
          ),
        );
  }
}
