import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RateLimiter, openAccountsDatabase } from '../src';

const folder = mkdtempSync(join(tmpdir(), 'rate-limits-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('RateLimiter', () => {
  it('allows the limit per key, then says how long until the window ends', async () => {
    const limiter = new RateLimiter(openAccountsDatabase(':memory:'), 'orders', {
      points: 2,
      windowSeconds: 60,
    });
    expect(await limiter.attempt('ana')).toBeNull();
    expect(await limiter.attempt('ana')).toBeNull();
    const wait = await limiter.attempt('ana');
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await limiter.attempt('ben')).toBeNull();
  });

  it('prepares its statements once, not on every attempt', async () => {
    const database = openAccountsDatabase(':memory:');
    const limiter = new RateLimiter(database, 'orders', { points: 100, windowSeconds: 60 });
    await limiter.attempt('warm-up');
    const prepare = vi.spyOn(database, 'prepare');
    for (const customer of ['ana', 'ben', 'ana', 'cleo', 'ana']) await limiter.attempt(customer);
    await limiter.giveBack('ana');
    expect(prepare).not.toHaveBeenCalled();
    expect(await limiter.attempt('ana')).toBeNull();
  });

  it('keeps limits of different names apart', async () => {
    const database = openAccountsDatabase(':memory:');
    const orders = new RateLimiter(database, 'orders', { points: 1, windowSeconds: 60 });
    const signIns = new RateLimiter(database, 'sign-ins', { points: 1, windowSeconds: 60 });
    expect(await orders.attempt('ana')).toBeNull();
    expect(await signIns.attempt('ana')).toBeNull();
    expect(await orders.attempt('ana')).not.toBeNull();
  });

  it('is one limit for every process that opens the same file', async () => {
    const path = join(folder, 'accounts.db');
    const limit = { points: 3, windowSeconds: 60 };
    const replicas = [1, 2, 3].map(
      () => new RateLimiter(openAccountsDatabase(path), 'orders', limit),
    );
    const verdicts = await Promise.all(
      [...replicas, ...replicas].map((replica) => replica.attempt('ana')),
    );
    expect(verdicts.filter((wait) => wait === null)).toHaveLength(3);
  });
});
