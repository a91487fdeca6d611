/** Reads the payment sandbox's request log: one line per request, with its key and outcome. */
const lines = (log: string) => log.split('\n');

/** POSTs the sandbox answered under `idempotencyKey`, and how many of them replayed the first. */
export function requestsWithKey(
  log: string,
  idempotencyKey: string,
): { total: number; replayed: number } {
  const answered = lines(log).filter((line) => line.includes(`key=${idempotencyKey} `));
  return {
    total: answered.length,
    replayed: answered.filter((line) => / replayed /.test(line)).length,
  };
}

/** Faults the sandbox injected after committing: money moved, but the client saw a 503. */
export const lostResponses = (log: string): number =>
  lines(log).filter((line) => line.includes('injected fault after commit')).length;
