import type { PlannedOrder } from './plan';

/**
 * The money steps each kill is timed to cut, and how to tell them: the activity a kill
 * interrupted had to run again (with the same idempotency key). With a sandbox that never fails
 * on its own, a retried money call is one a kill cut.
 */
interface Cut {
  activity: 'authorizePayment' | 'capturePayment' | 'releasePayment' | 'refundOrder';
  /** The orders whose step that kill was timed on. */
  of: (planned: PlannedOrder) => boolean;
}

const firstWave = (planned: PlannedOrder) => planned.cohort === 'first';
const secondWave = (planned: PlannedOrder) => planned.cohort === 'second';

export const CUTS = {
  'authorizations cut by the worker kill': { activity: 'authorizePayment', of: firstWave },
  'authorizations cut by the sandbox kill': { activity: 'authorizePayment', of: secondWave },
  'releases cut by the worker kill': {
    activity: 'releasePayment',
    of: (planned) => planned.path === 'cancelled by customer',
  },
  'releases cut by the sandbox kill': {
    activity: 'releasePayment',
    of: (planned) => planned.path === 'rejected by restaurant',
  },
  'captures cut by the worker kill': { activity: 'capturePayment', of: firstWave },
  'captures cut by the sandbox kill': { activity: 'capturePayment', of: secondWave },
  'refunds cut by the worker kill': { activity: 'refundOrder', of: () => true },
} as const satisfies Record<string, Cut>;

export type CutName = keyof typeof CUTS;
