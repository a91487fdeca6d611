import type Database from 'better-sqlite3';

export interface ChargeRecord {
  id: string;
  orderId: string;
  amount: number;
  currency: string;
  /** `failed` is a declined attempt: recorded, but no money moved. */
  status: 'succeeded' | 'failed';
  paymentMethod: string;
  customer: string | null;
  description: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  created: number;
}

export interface RefundRecord {
  id: string;
  chargeId: string;
  orderId: string;
  amount: number;
  reason: string | null;
  created: number;
}

export interface ListQuery {
  orderId: string | null;
  limit: number;
}

const CHARGE_COLUMNS = `id, order_id AS orderId, amount, currency, status,
  payment_method AS paymentMethod, customer, description,
  failure_code AS failureCode, failure_message AS failureMessage, created`;

const REFUND_COLUMNS = `id, charge_id AS chargeId, order_id AS orderId, amount, reason, created`;

/** The charges and refunds on record. Callers own the transaction boundaries. */
export class Ledger {
  readonly #insertCharge;
  readonly #insertRefund;
  readonly #findCharge;
  readonly #amountRefunded;
  readonly #listCharges;
  readonly #listChargesOfOrder;
  readonly #refundsOfCharges;
  readonly #listRefunds;
  readonly #listRefundsOfOrder;

  constructor(db: Database.Database) {
    this.#insertCharge = db.prepare<[ChargeRecord]>(
      `INSERT INTO charges (id, order_id, amount, currency, status, payment_method, customer,
         description, failure_code, failure_message, created)
       VALUES (@id, @orderId, @amount, @currency, @status, @paymentMethod, @customer,
         @description, @failureCode, @failureMessage, @created)`,
    );
    this.#insertRefund = db.prepare<[RefundRecord]>(
      `INSERT INTO refunds (id, charge_id, order_id, amount, reason, created)
       VALUES (@id, @chargeId, @orderId, @amount, @reason, @created)`,
    );
    this.#findCharge = db.prepare<[string], ChargeRecord>(
      `SELECT ${CHARGE_COLUMNS} FROM charges WHERE id = ?`,
    );
    this.#amountRefunded = db
      .prepare<[string], number>(`SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE charge_id = ?`)
      .pluck();
    this.#listCharges = db.prepare<[number], ChargeRecord>(
      `SELECT ${CHARGE_COLUMNS} FROM charges ORDER BY seq DESC LIMIT ?`,
    );
    this.#listChargesOfOrder = db.prepare<[string, number], ChargeRecord>(
      `SELECT ${CHARGE_COLUMNS} FROM charges WHERE order_id = ? ORDER BY seq DESC LIMIT ?`,
    );
    this.#refundsOfCharges = db.prepare<[string], RefundRecord>(
      `SELECT ${REFUND_COLUMNS} FROM refunds
       WHERE charge_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC`,
    );
    this.#listRefunds = db.prepare<[number], RefundRecord>(
      `SELECT ${REFUND_COLUMNS} FROM refunds ORDER BY seq DESC LIMIT ?`,
    );
    this.#listRefundsOfOrder = db.prepare<[string, number], RefundRecord>(
      `SELECT ${REFUND_COLUMNS} FROM refunds WHERE order_id = ? ORDER BY seq DESC LIMIT ?`,
    );
  }

  recordCharge(charge: ChargeRecord): void {
    this.#insertCharge.run(charge);
  }

  recordRefund(refund: RefundRecord): void {
    this.#insertRefund.run(refund);
  }

  findCharge(id: string): ChargeRecord | undefined {
    return this.#findCharge.get(id);
  }

  amountRefunded(chargeId: string): number {
    return this.#amountRefunded.get(chargeId) ?? 0;
  }

  /** Newest first. */
  listCharges({ orderId, limit }: ListQuery): ChargeRecord[] {
    return orderId === null
      ? this.#listCharges.all(limit)
      : this.#listChargesOfOrder.all(orderId, limit);
  }

  /** Newest first. */
  refundsOfCharges(chargeIds: readonly string[]): RefundRecord[] {
    return this.#refundsOfCharges.all(JSON.stringify(chargeIds));
  }

  /** Newest first. */
  listRefunds({ orderId, limit }: ListQuery): RefundRecord[] {
    return orderId === null
      ? this.#listRefunds.all(limit)
      : this.#listRefundsOfOrder.all(orderId, limit);
  }
}
