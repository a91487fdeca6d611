import type { TestProject } from 'vitest/node';
import type { ManagedProcess } from '@delivery/harness/managed-process';
import { paymentsService, temporalAddress, temporalServer } from '@delivery/harness/stack';
import { portAnswers } from '@delivery/harness/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    paymentsUrl: string;
    flakyPaymentsUrl: string;
    lateCommitPaymentsUrl: string;
    refusingRefundsPaymentsUrl: string;
  }
}

const PAYMENTS_PORT = 4244;
const FLAKY_PAYMENTS_PORT = 4245;
const LATE_COMMIT_PAYMENTS_PORT = 4246;
const REFUSING_REFUNDS_PAYMENTS_PORT = 4247;
/** Longer than the payments client's 8 s request timeout: the client gives up first. */
export const LATE_COMMIT_MS = 9_000;

/** A real Temporal server (reused if one answers) and two payment sandboxes, one of them flaky. */
export default async function setup(project: TestProject) {
  const started: ManagedProcess[] = [];
  const address = temporalAddress();
  if (!(await portAnswers(address))) started.push(await temporalServer().start());
  started.push(await paymentsService({ port: PAYMENTS_PORT }).start());
  started.push(
    await paymentsService({
      port: FLAKY_PAYMENTS_PORT,
      env: { PAYMENT_FAILURE_RATE: '0.7' },
    }).start(),
  );
  started.push(
    await paymentsService({
      port: LATE_COMMIT_PAYMENTS_PORT,
      env: { PAYMENT_COMMIT_DELAY_MS: String(LATE_COMMIT_MS) },
    }).start(),
  );
  started.push(
    await paymentsService({
      port: REFUSING_REFUNDS_PAYMENTS_PORT,
      env: { PAYMENT_REFUNDS_REFUSED: '1' },
    }).start(),
  );
  project.provide('temporalAddress', address);
  project.provide('paymentsUrl', `http://127.0.0.1:${PAYMENTS_PORT}`);
  project.provide('flakyPaymentsUrl', `http://127.0.0.1:${FLAKY_PAYMENTS_PORT}`);
  project.provide('lateCommitPaymentsUrl', `http://127.0.0.1:${LATE_COMMIT_PAYMENTS_PORT}`);
  project.provide(
    'refusingRefundsPaymentsUrl',
    `http://127.0.0.1:${REFUSING_REFUNDS_PAYMENTS_PORT}`,
  );
  return async () => {
    for (const process of started.reverse()) await process.stop();
  };
}
