/**
 * Behaviour changes made while orders were open, each behind `patched()`: an order that started
 * before a change replays its old path, every new one takes the new path.
 */
export const PATCHES = {
  /** A charge the provider never answered is posted again under its key, then refunded. */
  settleUnconfirmedCharge: 'settle-unconfirmed-charge',
  /** A refund the provider refuses for good ends the order in `Refund failed`. */
  refundFailureEndsOrder: 'refund-failure-ends-order',
  /** An operator's cancel completes the workflow with the order's status, readable without a worker. */
  operatorCancelCompletes: 'operator-cancel-completes',
  /**
   * A finished notification is recorded in the order's state without a command of its own. Work
   * around a platform bug (docs/actions.md): a command issued when an activity finishes can be
   * written before a signal's commands live and replayed after them.
   */
  quietNotificationRecords: 'quiet-notification-records',
  /**
   * The kitchen joins: the card is authorized, the restaurant accepts, rejects and readies the
   * order, and the money is captured at pickup. Orders without it were charged up front.
   */
  kitchen: 'kitchen',
  /**
   * Every change is also published as an event (`publishOrderEvent`, beside the order) for the
   * sites' live pages, and the order completes once its final state is published. Orders without
   * it publish nothing: their live pages read them with `getStatus`.
   */
  orderEvents: 'order-events',
} as const;
