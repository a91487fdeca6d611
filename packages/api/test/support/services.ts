import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { seedDemoAccounts } from '@delivery/accounts';
import { workflowIdOf } from '@delivery/workflows/contract';
import { configFromEnv, createServices, type ApiConfig } from '../../src';

/** An accounts database of the test file's own, as a machine's disk would hold. */
const accountsDbPath = join(mkdtempSync(join(tmpdir(), 'api-accounts-')), 'accounts.sqlite');

/** The API's settings for the suite's Temporal and worker queue, plus `env`; never the process's. */
export const testConfig = (env: Record<string, string> = {}): ApiConfig =>
  configFromEnv({
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TASK_QUEUE: inject('taskQueue'),
    SESSION_SECRET: 'api-test-secret',
    ACCOUNTS_DB_PATH: accountsDbPath,
    ...inject('orderEvents'),
    // One test customer places many orders in a minute; order-limits.test.ts sets its own limits.
    ORDER_RATE_LIMIT: '1000',
    ...env,
  });

/**
 * One Temporal client and change feed (on the suite's worker's order events) for a test file, as a
 * site's process has.
 */
export const services = createServices(testConfig());

/** The demo accounts (DESIGN.md), for tests that sign in as Dana, Sam or the kitchen. */
await seedDemoAccounts(services.staff.accounts);

/** Resolves once the order's workflow has completed: it closes once its final event is published. */
export const workflowClosed = (orderId: string): Promise<unknown> =>
  services.temporal.run((client) => client.workflow.getHandle(workflowIdOf(orderId)).result());
