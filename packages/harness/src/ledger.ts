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

export interface MoneyMoved {
  charges: number;
  refunds: number;
}

/** Succeeded charges and their refunds: what money actually moved. */
function countMoney(charges: LedgerCharge[]): MoneyMoved {
  const succeeded = charges.filter((c) => c.status === 'succeeded');
  return {
    charges: succeeded.length,
    refunds: succeeded.reduce((sum, charge) => sum + charge.refunds.data.length, 0),
  };
}

/** What money moved for one order. */
export async function moneyMoved(paymentsUrl: string, orderId: string): Promise<MoneyMoved> {
  return countMoney(await chargesFor(paymentsUrl, orderId));
}

/** What money moved for every order the ledger knows, read in one call. */
export async function moneyByOrder(paymentsUrl: string): Promise<Map<string, MoneyMoved>> {
  const byOrder = new Map<string, LedgerCharge[]>();
  for (const charge of await allCharges(paymentsUrl)) {
    byOrder.set(charge.order_id, [...(byOrder.get(charge.order_id) ?? []), charge]);
  }
  return new Map([...byOrder].map(([orderId, charges]) => [orderId, countMoney(charges)]));
}

/** The holds a card carried for one order, by where each ended up. */
export interface Holds {
  /** Authorizations the card accepted (declined attempts are not holds). */
  authorized: number;
  /** Still held: neither captured nor released. */
  held: number;
  captured: number;
  released: number;
}

interface LedgerPaymentIntent {
  id: string;
  status: 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';
}

export async function paymentIntentsFor(
  paymentsUrl: string,
  orderId: string,
): Promise<LedgerPaymentIntent[]> {
  const query = `metadata['order_id']:'${orderId}'`;
  const response = await fetch(
    `${paymentsUrl}/v1/payment_intents/search?query=${encodeURIComponent(query)}`,
  );
  if (!response.ok) throw new Error(`ledger answered ${response.status}`);
  return ((await response.json()) as { data: LedgerPaymentIntent[] }).data;
}

/** What happened to the card's holds for one order. */
export async function holdsOf(paymentsUrl: string, orderId: string): Promise<Holds> {
  const intents = await paymentIntentsFor(paymentsUrl, orderId);
  const count = (status: LedgerPaymentIntent['status']) =>
    intents.filter((intent) => intent.status === status).length;
  const captured = count('succeeded');
  const released = count('canceled');
  const held = count('requires_capture');
  return { authorized: captured + released + held, held, captured, released };
}

/** What happened to the card's holds for each of `orderIds`, read side by side. */
export async function holdsByOrder(
  paymentsUrl: string,
  orderIds: Iterable<string>,
): Promise<Map<string, Holds>> {
  const ids = [...orderIds];
  const holds = await Promise.all(ids.map((orderId) => holdsOf(paymentsUrl, orderId)));
  return new Map(ids.map((orderId, index) => [orderId, holds[index]!]));
}

/** Everything the provider did with one order's money: its holds, then the charges and refunds. */
export type MoneyTrail = Holds & MoneyMoved;

export async function moneyTrail(paymentsUrl: string, orderId: string): Promise<MoneyTrail> {
  const [holds, moved] = await Promise.all([
    holdsOf(paymentsUrl, orderId),
    moneyMoved(paymentsUrl, orderId),
  ]);
  return { ...holds, ...moved };
}

/** The amounts (in cents) the card was authorized for, for one order: one per hold made. */
export async function amountsAuthorized(paymentsUrl: string, orderId: string): Promise<number[]> {
  // The sandbox's PaymentIntents carry their amount, as Stripe's do.
  const intents = (await paymentIntentsFor(paymentsUrl, orderId)) as Array<
    LedgerPaymentIntent & { amount: number }
  >;
  return intents
    .filter((intent) => intent.status !== 'requires_payment_method')
    .map((i) => i.amount);
}
