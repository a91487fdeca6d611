import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  chargesOf,
  intentsOf,
  post,
  startServer,
  tempDbPath,
  visaCharge,
} from './helpers';

describe('ledger durability', () => {
  it('keeps charges, refunds and idempotency keys across a close and reopen', async () => {
    const dbPath = tempDbPath();
    const first = await startServer({ dbPath });
    const charge = await post(first, '/v1/charges', visaCharge('order-1'), { key: 'k-charge' });
    const refund = await post(
      first,
      '/v1/refunds',
      { charge: charge.body.id },
      { key: 'k-refund' },
    );
    const before = await chargesOf(first, 'order-1');
    await first.close();

    const second = await startServer({ dbPath });
    const after = await chargesOf(second, 'order-1');
    const replayedCharge = await post(second, '/v1/charges', visaCharge('order-1'), {
      key: 'k-charge',
    });
    const replayedRefund = await post(
      second,
      '/v1/refunds',
      { charge: charge.body.id },
      {
        key: 'k-refund',
      },
    );

    expect(after).toEqual(before);
    expect(after[0]).toMatchObject({ id: charge.body.id, refunded: true });
    expect(replayedCharge.text).toBe(charge.text);
    expect(replayedCharge.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replayedRefund.text).toBe(refund.text);
    expect(await chargesOf(second, 'order-1')).toHaveLength(1);
  });

  it('opens a ledger from before PaymentIntents, keeping its charges and adding the table', async () => {
    const dbPath = tempDbPath();
    const first = await startServer({ dbPath });
    await post(first, '/v1/charges', visaCharge('order-1'), { key: 'k-charge' });
    const before = await chargesOf(first, 'order-1');
    await first.close();
    // What a ledger written before this table existed looks like.
    const old = new Database(dbPath);
    old.exec('DROP TABLE payment_intents');
    old.close();

    const second = await startServer({ dbPath });
    const intent = await authorize(second, 'order-1');

    expect(await chargesOf(second, 'order-1')).toEqual(before);
    expect(await intentsOf(second, 'order-1')).toEqual([intent]);
  });

  it('keeps the ledger in WAL mode', async () => {
    const server = await startServer();
    await server.close();

    const db = new Database(server.dbPath, { readonly: true });
    const mode = db.pragma('journal_mode', { simple: true });
    db.close();

    expect(mode).toBe('wal');
  });
});
