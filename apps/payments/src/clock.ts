/** Stripe's timestamps: whole seconds since the Unix epoch. */
export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
