import { inject } from 'vitest';

// The routers read their settings from the environment, as in the Next servers.
process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
process.env.TASK_QUEUE = inject('taskQueue');
process.env.SESSION_SECRET = 'api-test-secret';
