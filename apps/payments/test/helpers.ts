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

/** A nested hash, such as `metadata`, is sent as `metadata[order_id]=...` in a form. */
export type Params = Record<string, string | number | null | Record<string, string>>;

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
      if (value === null) continue;
      if (typeof value !== 'object') form.append(name, String(value));
      else for (const [key, entry] of Object.entries(value)) form.append(`${name}[${key}]`, entry);
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

/** Stripe's declining test cards: payment method, decline code, message. */
export const DECLINED_CARDS = [
  ['pm_card_chargeDeclined', 'generic_decline', 'Your card was declined.'],
  [
    'pm_card_chargeDeclinedInsufficientFunds',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ],
] as const;

export async function chargesOf(server: Endpoint, orderId: string) {
  const { status, body } = await get(server, `/v1/charges?order_id=${encodeURIComponent(orderId)}`);
  if (status !== 200) throw new Error(`GET /v1/charges answered ${status}`);
  return body.data as Array<{ id: string; status: string; [field: string]: unknown }>;
}

export async function succeededChargesOf(server: Endpoint, orderId: string) {
  return (await chargesOf(server, orderId)).filter((charge) => charge.status === 'succeeded');
}

export async function refundsOf(server: Endpoint, orderId: string) {
  const { status, body } = await get(server, `/v1/refunds?order_id=${encodeURIComponent(orderId)}`);
  if (status !== 200) throw new Error(`GET /v1/refunds answered ${status}`);
  return body.data as Array<{ id: string; amount: number; [field: string]: unknown }>;
}

/** A confirmed PaymentIntent with manual capture: an authorization on pm_card_visa. */
export function visaAuthorization(orderId: string, overrides: Params = {}): Params {
  return {
    amount: 2_350,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    capture_method: 'manual',
    confirm: 'true',
    metadata: { order_id: orderId },
    ...overrides,
  };
}

/** Authorizes `amount` for the order and answers the intent, which must be `requires_capture`. */
export async function authorize(server: Endpoint, orderId: string, amount = 2_350) {
  const { status, body } = await post(
    server,
    '/v1/payment_intents',
    visaAuthorization(orderId, { amount }),
    { key: `${orderId}:authorize` },
  );
  if (status !== 200) throw new Error(`POST /v1/payment_intents answered ${status}`);
  return body as { id: string; status: string; [field: string]: unknown };
}

/** The order's PaymentIntents, newest first, as Stripe's search finds them. */
export async function intentsOf(server: Endpoint, orderId: string) {
  const query = encodeURIComponent(`metadata['order_id']:'${orderId}'`);
  const { status, body } = await get(server, `/v1/payment_intents/search?query=${query}`);
  if (status !== 200) throw new Error(`GET /v1/payment_intents/search answered ${status}`);
  return body.data as Array<{ id: string; status: string; [field: string]: unknown }>;
}
