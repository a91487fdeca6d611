import { jsonLogger } from './logger';
import { createPaymentsServer, type PaymentsServer } from './server';
import { readSettings } from './settings';

const log = jsonLogger();

async function start(): Promise<PaymentsServer> {
  try {
    const settings = readSettings();
    const server = await createPaymentsServer({ ...settings, logger: log });
    log.info(
      `listening on ${server.url} | ledger ${settings.dbPath} | ` +
        `PAYMENT_FAILURE_RATE=${settings.failureRate} | PAYMENT_LATENCY_MS=${settings.latencyMs} | ` +
        `PAYMENT_COMMIT_DELAY_MS=${settings.commitDelayMs} | ` +
        `PAYMENT_REFUNDS_REFUSED=${settings.refundsRefused}`,
    );
    return server;
  } catch (error) {
    log.error(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

const server = await start();

function shutDown(signal: NodeJS.Signals): void {
  log.info(`${signal} received, closing`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      log.error(`error while closing: ${String(error)}`);
      process.exit(1);
    },
  );
}

process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
