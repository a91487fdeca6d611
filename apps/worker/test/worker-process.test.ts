import { describe, expect, it } from 'vitest';
import { orderWorker } from '@delivery/harness/services';
import { startStack, uniqueTaskQueue } from '@delivery/harness/stack';

describe('the worker process', () => {
  it('exits non-zero with a clear message when Temporal is unreachable, instead of hanging', async () => {
    const worker = orderWorker({
      taskQueue: uniqueTaskQueue('unreachable'),
      env: { TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CONNECT_TIMEOUT_MS: '3000' },
    });
    const started = Date.now();
    await expect(worker.start()).rejects.toThrow(/exited \(1\)/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(worker.log).toMatch(/Cannot reach Temporal at 127\.0\.0\.1:1/);
    expect(worker.log).toMatch(/TEMPORAL_ADDRESS/);
  });

  it('shuts down gracefully on SIGTERM and on SIGINT', async () => {
    const stack = await startStack({ name: 'shutdown' });
    try {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        const worker = await orderWorker({
          taskQueue: uniqueTaskQueue('shutdown'),
          temporalAddress: stack.temporalAddress,
        }).start();
        await worker.stop(signal);
        expect(worker.exits.at(-1)).toEqual({ code: 0, signal: null });
        expect(worker.log).toMatch(/"service":"delivery-worker".*"msg":"stopped"/);
      }
    } finally {
      await stack.stop();
    }
  });
});
