/** Polls `check` until it holds: proof suites time each kill on what the ledger or Temporal shows. */
export async function until(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 120_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never saw ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
