import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import {
  createPaymentsServer,
  type PaymentsServer,
  type PaymentsServerOptions,
} from '../src/server';

export interface TestServer extends PaymentsServer {
  dbPath: string;
  logs: string[];
  errors: string[];
}

/** A ledger file in a fresh temp folder, removed when the test finishes. */
export function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'payments-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'ledger.sqlite');
}

/** The real server on an ephemeral port, closed when the test finishes. */
export async function startServer(
  options: Partial<Omit<PaymentsServerOptions, 'logger'>> = {},
): Promise<TestServer> {
  const dbPath = options.dbPath ?? tempDbPath();
  const logs: string[] = [];
  const errors: string[] = [];
  const server = await createPaymentsServer({
    ...options,
    dbPath,
    port: 0,
    logger: { info: (line) => logs.push(line), error: (line) => errors.push(line) },
  });
  onTestFinished(() => server.close());
  return Object.assign(server, { dbPath, logs, errors });
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Tests read into Stripe objects freely; a wrong shape fails the assertions anyway.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

/** Anything with a base URL: an in-process server or a spawned one. */
export interface Endpoint {
  url: string;
}

export type Params = Record<string, string | number | null>;

export interface PostOptions {
  key?: string;
  encoding?: 'form' | 'json';
  /** Lets a test give up on the request, as a client with a timeout would. */
  signal?: AbortSignal;
}

export async function post(
  server: Endpoint,
  path: string,
  params: Params,
  { key, encoding = 'form', signal }: PostOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers['Idempotency-Key'] = key;
  let body: string;
  if (encoding === 'json') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(params);
  } else {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== null) form.append(name, String(value));
    }
    body = form.toString();
  }
  return reply(await fetch(`${server.url}${path}`, { method: 'POST', headers, body, signal }));
}

export async function get(server: Endpoint, pathAndQuery: string): Promise<Reply> {
  return reply(await fetch(`${server.url}${pathAndQuery}`));
}

export async function request(server: Endpoint, path: string, init: RequestInit): Promise<Reply> {
  return reply(await fetch(`${server.url}${path}`, init));
}

export function visaCharge(orderId: string, overrides: Params = {}): Params {
  return {
    amount: 2_350,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    order_id: orderId,
    customer: 'cus_alice',
    ...overrides,
  };
}

export async function chargesOf(server: Endpoint, orderId: string) {
  const { status, body } = await get(server, `/v1/charges?order_id=${encodeURIComponent(orderId)}`);
  if (status !== 200) throw new Error(`GET /v1/charges answered ${status}`);
  return body.data as Array<{ id: string; status: string; [field: string]: unknown }>;
}

export async function succeededChargesOf(server: Endpoint, orderId: string) {
  return (await chargesOf(server, orderId)).filter((charge) => charge.status === 'succeeded');
}
