import { z } from 'zod';
import type { ApiResponse } from './api-response';
import type { Ledger, RefundRecord } from './ledger';
import { limitParam, orderIdParam } from './params';
import { chargeObject, listObject, refundObject } from './stripe-objects';

export const listParams = z.strictObject({
  order_id: orderIdParam.optional(),
  limit: limitParam(100, 10_000),
});

export type ListParams = z.output<typeof listParams>;

function groupByCharge(refunds: readonly RefundRecord[]): Map<string, RefundRecord[]> {
  const byCharge = new Map<string, RefundRecord[]>();
  for (const refund of refunds) {
    const group = byCharge.get(refund.chargeId);
    if (group === undefined) byCharge.set(refund.chargeId, [refund]);
    else group.push(refund);
  }
  return byCharge;
}

/** Charges newest first, declined attempts included (status `failed`), each with its refunds. */
export function listCharges(ledger: Ledger, params: ListParams): ApiResponse {
  // One row past the limit tells whether there is more.
  const charges = ledger.listCharges({ orderId: params.order_id ?? null, limit: params.limit + 1 });
  const page = charges.slice(0, params.limit);
  const refunds = groupByCharge(ledger.refundsOfCharges(page.map((charge) => charge.id)));
  const data = page.map((charge) => chargeObject(charge, refunds.get(charge.id) ?? []));
  return { status: 200, body: listObject('/v1/charges', data, charges.length > params.limit) };
}

/** Refunds newest first. */
export function listRefunds(ledger: Ledger, params: ListParams): ApiResponse {
  const refunds = ledger.listRefunds({ orderId: params.order_id ?? null, limit: params.limit + 1 });
  const data = refunds.slice(0, params.limit).map(refundObject);
  return { status: 200, body: listObject('/v1/refunds', data, refunds.length > params.limit) };
}
