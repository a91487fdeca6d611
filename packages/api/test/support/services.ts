import { inject } from 'vitest';
import { configFromEnv, createServices, type ApiConfig } from '../../src';

/** The API's settings for the suite's Temporal and worker queue, plus `env`; never the process's. */
export const testConfig = (env: Record<string, string> = {}): ApiConfig =>
  configFromEnv({
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TASK_QUEUE: inject('taskQueue'),
    SESSION_SECRET: 'api-test-secret',
    ...env,
  });

/** One Temporal client and change feed for a test file, as a site's process has. */
export const services = createServices(testConfig());
