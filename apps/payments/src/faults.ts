import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiResponse } from './api-response';
import { apiError } from './stripe-errors';

/** Read on every POST, so a test can change them on a running server. */
export interface FaultSettings {
  /** Probability (0..1) that a POST fails with a transient 503. */
  failureRate: number;
  /** Delay before every POST answers, as a slow provider would. */
  latencyMs: number;
  /**
   * Delay before every POST commits, holding its Idempotency-Key: the commit happens even if the
   * client has given up meanwhile, so the money moves after the client saw a timeout.
   */
  commitDelayMs: number;
  /** Refuse every refund as Stripe does for a disputed charge: final, and no money moves. */
  refundsRefused: boolean;
}

/**
 * Where a transient failure strikes. `after-commit` is the one that tests clients: the money
 * moved and the key holds the real response, but the client only sees the 503.
 */
export type InjectedFault = 'before-processing' | 'after-commit';

function isDuration(ms: number): boolean {
  return Number.isFinite(ms) && ms >= 0;
}

export function assertValidFaultSettings({
  failureRate,
  latencyMs,
  commitDelayMs,
}: FaultSettings): void {
  if (!(failureRate >= 0 && failureRate <= 1)) {
    throw new Error(`The failure rate must be between 0 and 1, got ${failureRate}.`);
  }
  if (!isDuration(latencyMs)) {
    throw new Error(`The latency must be a non-negative number of ms, got ${latencyMs}.`);
  }
  if (!isDuration(commitDelayMs)) {
    throw new Error(`The commit delay must be a non-negative number of ms, got ${commitDelayMs}.`);
  }
}

/** Half the injected faults strike before processing, half after the commit. */
export function drawFault({ failureRate }: FaultSettings): InjectedFault | null {
  const draw = Math.random();
  if (draw >= failureRate) return null;
  return draw < failureRate / 2 ? 'before-processing' : 'after-commit';
}

export async function simulateLatency({ latencyMs }: FaultSettings): Promise<void> {
  if (latencyMs > 0) await sleep(latencyMs);
}

export const providerUnavailable: ApiResponse = apiError(
  503,
  'The payment provider is temporarily unavailable (injected fault).',
);
