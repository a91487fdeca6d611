import { Client, Connection, type ClientInterceptors } from '@temporalio/client';
import type { TemporalConnectConfig } from '@delivery/common/temporal-connection';
import { GRPC, ORDER_CLIENT_OPTIONS, grpcCode } from '@delivery/workflows/client';
import { TemporalUnavailableError } from './errors';

export interface TemporalAccessOptions {
  /** Where and how to connect, in Temporal's convention (TEMPORAL_ADDRESS, profiles, TLS...). */
  connection: TemporalConnectConfig;
  /** How long connecting may take before the request fails (TEMPORAL_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs: number;
  /** Deadline of one operation, all its RPCs together (TEMPORAL_RPC_TIMEOUT_MS). */
  rpcTimeoutMs: number;
}

/** gRPC codes that mean "Temporal is not answering", not "your request is wrong". */
const UNAVAILABLE_REASONS = new Map<number, string>([
  [GRPC.deadlineExceeded, 'did not answer in time'],
  [GRPC.resourceExhausted, 'is overloaded'],
  [GRPC.failedPrecondition, 'is recovering this order (a worker stopped in the middle of it)'],
  [GRPC.unavailable, 'is unreachable'],
]);

function unavailableReason(error: unknown): string | undefined {
  const code = grpcCode(error);
  return code === undefined ? undefined : UNAVAILABLE_REASONS.get(code);
}

function innermostMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? innermostMessage(error.cause) : error.message;
}

/**
 * One lazily connected Temporal Client, shared by every request of the process. A failed connect
 * is forgotten, so the next request tries again; every operation runs under a deadline, so a
 * stalled server fails the request instead of hanging it.
 */
export class TemporalAccess {
  private connecting: Promise<Client> | null = null;
  private readonly address: string;

  constructor(
    private readonly options: TemporalAccessOptions,
    /** Seen by every call of the client, e.g. to trace it. */
    private readonly interceptors: ClientInterceptors = {},
  ) {
    this.address = options.connection.connectionOptions.address;
  }

  /** Runs `operation` with the shared client under one deadline for all of its calls. */
  async run<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.client();
    try {
      return await client.withDeadline(Date.now() + this.options.rpcTimeoutMs, () =>
        operation(client),
      );
    } catch (error) {
      const reason = unavailableReason(error);
      if (!reason) throw error;
      throw new TemporalUnavailableError(`Temporal ${reason} at ${this.address}; try again.`, {
        cause: error,
      });
    }
  }

  client(): Promise<Client> {
    this.connecting ??= this.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = null;
    const client = await connecting?.catch(() => null);
    await client?.connection.close();
  }

  private async connect(): Promise<Client> {
    const { connectionOptions, namespace } = this.options.connection;
    const connection = Connection.lazy({
      ...connectionOptions,
      connectTimeout: this.options.connectTimeoutMs,
    });
    try {
      await connection.ensureConnected();
    } catch (error) {
      await connection.close();
      throw new TemporalUnavailableError(
        `Temporal is unreachable at ${this.address} (${innermostMessage(error)}); retrying on the next request.`,
        { cause: error },
      );
    }
    return new Client({
      connection,
      namespace,
      workflow: ORDER_CLIENT_OPTIONS,
      interceptors: this.interceptors,
    });
  }
}
