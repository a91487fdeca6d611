/** gRPC status codes callers of Temporal tell apart. */
export const GRPC = {
  deadlineExceeded: 4,
  resourceExhausted: 8,
  /** On a query: the workflow's last task failed or timed out (a worker died in it). */
  failedPrecondition: 9,
  unavailable: 14,
} as const;

/** The gRPC status code of a failed Temporal call, however deep the SDK wrapped it. */
export function grpcCode(error: unknown): number | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'number' && 'details' in cause) return code;
  }
  return undefined;
}
