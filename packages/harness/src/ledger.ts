/** Reads the payment sandbox's ledger, as a test checking money movements needs it. */
export interface LedgerCharge {
  id: string;
  status: string;
  amount: number;
  order_id: string;
  refunded: boolean;
  refunds: { data: Array<{ id: string; amount: number }> };
}

export async function chargesFor(paymentsUrl: string, orderId: string): Promise<LedgerCharge[]> {
  const response = await fetch(`${paymentsUrl}/v1/charges?order_id=${encodeURIComponent(orderId)}`);
  if (!response.ok) throw new Error(`ledger answered ${response.status}`);
  return ((await response.json()) as { data: LedgerCharge[] }).data;
}

export async function allCharges(paymentsUrl: string): Promise<LedgerCharge[]> {
  const response = await fetch(`${paymentsUrl}/v1/charges?limit=10000`);
  if (!response.ok) throw new Error(`ledger answered ${response.status}`);
  return ((await response.json()) as { data: LedgerCharge[] }).data;
}

/** Succeeded charges and their refunds for one order: what money actually moved. */
export async function moneyMoved(paymentsUrl: string, orderId: string) {
  const charges = (await chargesFor(paymentsUrl, orderId)).filter((c) => c.status === 'succeeded');
  return {
    charges: charges.length,
    refunds: charges.reduce((sum, charge) => sum + charge.refunds.data.length, 0),
  };
}
