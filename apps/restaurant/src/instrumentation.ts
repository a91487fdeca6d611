/** Next calls this once as the server starts: tracing and JSON logs, in the Node.js runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startProcessTelemetry } = await import('@delivery/observability');
  startProcessTelemetry('delivery-restaurant');
}
