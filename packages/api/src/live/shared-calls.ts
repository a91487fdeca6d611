/**
 * Asks for the same key share one call: while it runs, and for `keepMs` after it answered, so
 * many pages watching one order cost one Temporal call. A failed call is forgotten at once.
 */
export class SharedCalls<T> {
  private readonly calls = new Map<string, Promise<T>>();

  constructor(private readonly keepMs: number) {}

  get(key: string, call: () => Promise<T>): Promise<T> {
    const existing = this.calls.get(key);
    if (existing) return existing;
    const promise = call();
    this.calls.set(key, promise);
    const forget = () => {
      if (this.calls.get(key) === promise) this.calls.delete(key);
    };
    promise.then(() => setTimeout(forget, this.keepMs).unref(), forget);
    return promise;
  }
}
