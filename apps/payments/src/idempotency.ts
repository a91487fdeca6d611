import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ApiResponse } from './api-response';
import { unixSeconds } from './clock';
import { reject, stripeError } from './stripe-errors';

const MAX_KEY_LENGTH = 255;

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  /** Validated and normalized, so a form body and a JSON body that say the same thing match. */
  params: Record<string, unknown>;
}

export interface IdempotentOutcome {
  status: number;
  json: string;
  replayed: boolean;
}

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

export function requireIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    reject(
      'Missing Idempotency-Key header. This sandbox requires one on every POST (stricter than ' +
        'Stripe, where it is optional), so that a retried request can never move money twice.',
    );
  }
  if (header.length > MAX_KEY_LENGTH) {
    reject(`Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`);
  }
  return header;
}

/** A hash as its `[name, value]` pairs sorted by name, nested hashes too: order does not count. */
function sortedPairs(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.entries(value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, nested]) => [name, sortedPairs(nested)]);
}

function fingerprint({ method, path, params }: IdempotentRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([method, path, sortedPairs(params)]))
    .digest('hex');
}

function keyReusedWithOtherParams(key: string): ApiResponse {
  return stripeError(400, {
    type: 'idempotency_error',
    message:
      'Keys for idempotent requests can only be used with the same parameters they were first ' +
      `used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

/** Stripe's answer to a request whose key another request is still processing: retry later. */
export function idempotencyKeyInUse(key: string): ApiResponse {
  return stripeError(409, {
    type: 'idempotency_error',
    code: 'idempotency_key_in_use',
    message:
      'There is currently another in-progress request using this Idempotency-Key (that probably ' +
      `means you submitted twice, and the other request is still going through): '${key}'. ` +
      'Please try again later.',
  });
}

/** Stripe's idempotency keys, kept in the ledger's database. */
export class IdempotencyStore {
  readonly #execute;
  readonly #exists;

  constructor(db: Database.Database) {
    this.#exists = db.prepare<[string]>(`SELECT 1 FROM idempotency_keys WHERE key = ?`).pluck();
    const find = db.prepare<[string], StoredResponse>(
      `SELECT request_fingerprint AS fingerprint, status, body FROM idempotency_keys WHERE key = ?`,
    );
    const save = db.prepare<[string, string, number, string, number]>(
      `INSERT INTO idempotency_keys (key, request_fingerprint, status, body, created)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.#execute = db.transaction(
      (request: IdempotentRequest, process: () => ApiResponse): IdempotentOutcome => {
        const requestFingerprint = fingerprint(request);
        const stored = find.get(request.key);
        if (stored !== undefined) {
          if (stored.fingerprint !== requestFingerprint) {
            const mismatch = keyReusedWithOtherParams(request.key);
            return {
              status: mismatch.status,
              json: JSON.stringify(mismatch.body),
              replayed: false,
            };
          }
          return { status: stored.status, json: stored.body, replayed: true };
        }
        const response = process();
        const json = JSON.stringify(response.body);
        save.run(request.key, requestFingerprint, response.status, json, unixSeconds());
        return { status: response.status, json, replayed: false };
      },
    );
  }

  /**
   * Answers `request` once per key: a repeat gets the stored response. The key, whatever
   * `process` wrote and the response commit in one IMMEDIATE transaction, so they exist together
   * or not at all, and a concurrent request with the same key (even from another process) waits
   * and then replays. `process` is synchronous by type: nothing can interleave before the commit.
   */
  execute(request: IdempotentRequest, process: () => ApiResponse): IdempotentOutcome {
    return this.#execute.immediate(request, process);
  }

  /** Whether a response is stored under `key`, so that a request with it processes nothing. */
  has(key: string): boolean {
    return this.#exists.get(key) !== undefined;
  }
}
