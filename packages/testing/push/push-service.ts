import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PushRequest {
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** What the service answered. */
  status: number;
}

/**
 * A push service of the test's own: takes POSTs to /push/<id> as a browser vendor's would, keeps
 * each request, and answers 201 unless told to answer otherwise for an endpoint.
 */
export class PushService {
  private readonly requests = new Map<string, PushRequest[]>();
  private readonly planned = new Map<string, number[]>();

  private constructor(private readonly server: ReturnType<typeof createServer>) {}

  static async start(): Promise<PushService> {
    const server = createServer();
    const service = new PushService(server);
    server.on('request', (request, response) => {
      const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1];
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method !== 'POST' || !id) return response.writeHead(404).end();
        const status = service.planned.get(id)?.shift() ?? 201;
        const received = service.requests.get(id) ?? [];
        received.push({ headers: request.headers, body: Buffer.concat(chunks), status });
        service.requests.set(id, received);
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  endpoint(id: string): string {
    return `${this.origin}/push/${id}`;
  }

  /** The next requests to the endpoint get these statuses, in turn; then 201 again. */
  answer(id: string, ...statuses: number[]): void {
    this.planned.set(id, statuses);
  }

  received(id: string): PushRequest[] {
    return this.requests.get(id) ?? [];
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
