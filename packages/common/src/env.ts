/** Settings read from the environment by Node processes (never imported by workflow code). */
export function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}".`);
  return value;
}

export function readRate(name: string): number {
  const rate = readNumber(name, 0);
  if (rate < 0 || rate > 1) throw new Error(`${name} must be between 0 and 1, got ${rate}.`);
  return rate;
}

export const taskQueue = (): string => process.env.TASK_QUEUE ?? 'orders';

export const paymentsUrl = (): string => process.env.PAYMENTS_URL ?? 'http://127.0.0.1:4242';
