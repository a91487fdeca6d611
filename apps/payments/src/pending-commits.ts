import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The POSTs waiting out PAYMENT_COMMIT_DELAY_MS, by Idempotency-Key. Kept in memory, like the
 * wait itself: a process killed while a commit is pending commits nothing, and after a restart
 * the key is free, so the client's retry moves the money afresh.
 */
export class PendingCommits {
  readonly #byKey = new Map<string, Promise<unknown>>();

  /** Whether a request with `key` is waiting to commit. */
  holds(key: string): boolean {
    return this.#byKey.has(key);
  }

  /**
   * Runs `commit` after `delayMs`, holding `key` meanwhile. Nothing here watches the client: a
   * late commit happens even if the client has given up, as a slow provider takes the money
   * anyway. Without a delay `commit` runs at once, before anything else can interleave.
   */
  async commitAfter<T>(key: string, delayMs: number, commit: () => T): Promise<T> {
    if (delayMs <= 0) return commit();
    if (this.holds(key)) throw new Error(`Idempotency-Key ${key} is already waiting to commit.`);
    const pending = sleep(delayMs)
      .then(commit)
      .finally(() => this.#byKey.delete(key));
    this.#byKey.set(key, pending);
    return pending;
  }

  /** Resolves once every commit pending now has committed (or failed). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.#byKey.values());
  }
}
