/** `a` over `b`, to two decimals. */
export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
