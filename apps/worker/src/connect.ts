import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';

export class TemporalUnreachableError extends Error {
  constructor(address: string, reason: string) {
    super(
      `Cannot reach Temporal at ${address}: ${reason}\n` +
        'Start the local dev server with `pnpm temporal`, or set TEMPORAL_ADDRESS ' +
        '(and TEMPORAL_NAMESPACE, TEMPORAL_API_KEY for Temporal Cloud).',
    );
    this.name = 'TemporalUnreachableError';
  }
}

/** Connects, or fails with a clear error within `timeoutMs` instead of hanging. */
export async function connectWithin(
  options: NativeConnectionOptions,
  timeoutMs: number,
): Promise<NativeConnection> {
  const address = options.address ?? 'localhost:7233';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TemporalUnreachableError(address, `no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([NativeConnection.connect(options), timeout]);
  } catch (error) {
    if (error instanceof TemporalUnreachableError) throw error;
    throw new TemporalUnreachableError(
      address,
      error instanceof Error ? error.message : String(error),
    );
  } finally {
    clearTimeout(timer);
  }
}
