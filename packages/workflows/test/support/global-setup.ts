import type { TestProject } from 'vitest/node';
import { PORTS } from '@delivery/harness/ports';
import { startStack } from '@delivery/harness/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    paymentsUrl: string;
    flakyPaymentsUrl: string;
    lateCommitPaymentsUrl: string;
    refusingRefundsPaymentsUrl: string;
  }
}

/** Longer than the payments client's 8 s request timeout: the client gives up first. */
const LATE_COMMIT_MS = 9_000;

/**
 * A real Temporal server (reused if one answers) and four payment sandboxes: a steady one, a
 * flaky one, one that commits after the client gave up, and one that refuses refunds.
 */
export default async function setup(project: TestProject) {
  const ports = PORTS.workflows;
  const stack = await startStack({
    name: 'workflows',
    payments: {
      steady: { port: ports.payments },
      flaky: { port: ports.flakyPayments, env: { PAYMENT_FAILURE_RATE: '0.7' } },
      lateCommit: {
        port: ports.lateCommitPayments,
        env: { PAYMENT_COMMIT_DELAY_MS: String(LATE_COMMIT_MS) },
      },
      refusingRefunds: {
        port: ports.refusingRefundsPayments,
        env: { PAYMENT_REFUNDS_REFUSED: '1' },
      },
    },
  });
  const { steady, flaky, lateCommit, refusingRefunds } = stack.payments;
  project.provide('temporalAddress', stack.temporalAddress);
  project.provide('paymentsUrl', steady.url);
  project.provide('flakyPaymentsUrl', flaky.url);
  project.provide('lateCommitPaymentsUrl', lateCommit.url);
  project.provide('refusingRefundsPaymentsUrl', refusingRefunds.url);
  return stack.stop;
}
