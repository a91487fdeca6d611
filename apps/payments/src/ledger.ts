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
  /** Read from the PaymentIntent whose `latest_charge` this is; never written with the charge. */
  paymentIntentId: string | null;
}

export interface RefundRecord {
  id: string;
  chargeId: string;
  orderId: string;
  amount: number;
  reason: string | null;
  created: number;
  /** The refunded charge's PaymentIntent, read like the charge's own. */
  paymentIntentId: string | null;
}

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_capture'
  | 'succeeded'
  | 'canceled';

export interface PaymentIntentRecord {
  id: string;
  /** `metadata.order_id`, kept in a column of its own to find an order's intents. */
  orderId: string;
  amount: number;
  currency: string;
  /** `requires_payment_method` after a decline, `requires_capture` while authorized. */
  status: PaymentIntentStatus;
  paymentMethod: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  amountReceived: number;
  /** The declined attempt, or the charge the capture made; null while authorized. */
  latestChargeId: string | null;
  canceledAt: number | null;
  cancellationReason: string | null;
  created: number;
}

type PaymentIntentRow = Omit<PaymentIntentRecord, 'metadata'> & { metadata: string };

export interface ListQuery {
  orderId: string | null;
  limit: number;
}

function paymentIntentOf(chargeId: string): string {
  return `(SELECT id FROM payment_intents WHERE latest_charge = ${chargeId}) AS paymentIntentId`;
}

const CHARGE_COLUMNS = `id, order_id AS orderId, amount, currency, status,
  payment_method AS paymentMethod, customer, description,
  failure_code AS failureCode, failure_message AS failureMessage, created,
  ${paymentIntentOf('charges.id')}`;

const REFUND_COLUMNS = `id, charge_id AS chargeId, order_id AS orderId, amount, reason, created,
  ${paymentIntentOf('refunds.charge_id')}`;

const PAYMENT_INTENT_COLUMNS = `id, order_id AS orderId, amount, currency, status,
  payment_method AS paymentMethod, customer, description, metadata,
  amount_received AS amountReceived, latest_charge AS latestChargeId, canceled_at AS canceledAt,
  cancellation_reason AS cancellationReason, created`;

function toRow(intent: PaymentIntentRecord): PaymentIntentRow {
  return { ...intent, metadata: JSON.stringify(intent.metadata) };
}

function fromRow(row: PaymentIntentRow): PaymentIntentRecord {
  return { ...row, metadata: JSON.parse(row.metadata) as Record<string, string> };
}

/** The charges, refunds and PaymentIntents on record. Callers own the transaction boundaries. */
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
  readonly #insertPaymentIntent;
  readonly #updatePaymentIntent;
  readonly #findPaymentIntent;
  readonly #paymentIntentsOfOrder;

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
    this.#insertPaymentIntent = db.prepare<[PaymentIntentRow]>(
      `INSERT INTO payment_intents (id, order_id, amount, currency, status, payment_method,
         customer, description, metadata, amount_received, latest_charge, canceled_at,
         cancellation_reason, created)
       VALUES (@id, @orderId, @amount, @currency, @status, @paymentMethod, @customer,
         @description, @metadata, @amountReceived, @latestChargeId, @canceledAt,
         @cancellationReason, @created)`,
    );
    this.#updatePaymentIntent = db.prepare<[PaymentIntentRow]>(
      `UPDATE payment_intents SET status = @status, amount_received = @amountReceived,
         latest_charge = @latestChargeId, canceled_at = @canceledAt,
         cancellation_reason = @cancellationReason
       WHERE id = @id`,
    );
    this.#findPaymentIntent = db.prepare<[string], PaymentIntentRow>(
      `SELECT ${PAYMENT_INTENT_COLUMNS} FROM payment_intents WHERE id = ?`,
    );
    this.#paymentIntentsOfOrder = db.prepare<[string], PaymentIntentRow>(
      `SELECT ${PAYMENT_INTENT_COLUMNS} FROM payment_intents WHERE order_id = ? ORDER BY seq DESC`,
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

  recordPaymentIntent(intent: PaymentIntentRecord): void {
    this.#insertPaymentIntent.run(toRow(intent));
  }

  /** Writes what a capture or a cancel changes: status, amounts, latest charge, cancellation. */
  updatePaymentIntent(intent: PaymentIntentRecord): void {
    this.#updatePaymentIntent.run(toRow(intent));
  }

  findPaymentIntent(id: string): PaymentIntentRecord | undefined {
    const row = this.#findPaymentIntent.get(id);
    return row && fromRow(row);
  }

  /** Newest first. */
  paymentIntentsOfOrder(orderId: string): PaymentIntentRecord[] {
    return this.#paymentIntentsOfOrder.all(orderId).map(fromRow);
  }
}
