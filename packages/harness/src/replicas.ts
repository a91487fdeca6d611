import { trpcHttp, type TrpcCall, type TrpcResponse } from './trpc-http';

/**
 * Whether `error` says the replica was not there: the connection was refused, or it broke before
 * an answer came (the process was killed mid-request). `fetch` throws a TypeError for both.
 */
const isUnreachable = (error: unknown): boolean => error instanceof TypeError;

/**
 * The replicas of one site as a load balancer sees them: each request goes to the next replica
 * in turn, and moves on to the one after while a replica does not answer. A request that may be
 * tried on a second replica must be safe to send again (an action with its request id, an order
 * with its order id).
 */
export class Replicas {
  private turn = 0;
  private readonly baseUrls: string[];

  constructor(baseUrls: string[]) {
    if (baseUrls.length === 0) throw new Error('a site needs at least one replica');
    this.baseUrls = [...baseUrls];
  }

  get urls(): readonly string[] {
    return this.baseUrls;
  }

  /** A replica joins the pool; it takes its turn from the next request on. */
  add(baseUrl: string): void {
    if (!this.baseUrls.includes(baseUrl)) this.baseUrls.push(baseUrl);
  }

  /**
   * Leaves `baseUrl` out of the turns while `restart` runs, as a load balancer's readiness check
   * does: requests go to the others instead of waiting on a replica that is not serving yet.
   */
  async withoutWhile<T>(baseUrl: string, restart: () => Promise<T>): Promise<T> {
    const index = this.baseUrls.indexOf(baseUrl);
    if (index < 0 || this.baseUrls.length === 1) return restart();
    this.baseUrls.splice(index, 1);
    try {
      return await restart();
    } finally {
      this.add(baseUrl);
    }
  }

  /** Every replica once, starting with the one whose turn it is. */
  private inTurn(): string[] {
    const start = this.turn++ % this.baseUrls.length;
    return [...this.baseUrls.slice(start), ...this.baseUrls.slice(0, start)];
  }

  /** Runs `request` against the replica whose turn it is, or the next that answers. */
  async send<T>(request: (baseUrl: string) => Promise<T>): Promise<T> {
    let unreachable: unknown;
    for (const baseUrl of this.inTurn()) {
      try {
        return await request(baseUrl);
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        unreachable = error;
      }
    }
    throw new Error(`no replica of ${this.baseUrls.join(', ')} answered`, { cause: unreachable });
  }

  query(procedure: string, call?: TrpcCall): Promise<TrpcResponse> {
    return this.send((baseUrl) => trpcHttp(baseUrl).query(procedure, call));
  }

  mutation(procedure: string, call?: TrpcCall): Promise<TrpcResponse> {
    return this.send((baseUrl) => trpcHttp(baseUrl).mutation(procedure, call));
  }
}
