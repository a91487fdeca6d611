/** The end-to-end stack's own ports, apart from `pnpm dev` and the other suites. */
export const E2E_PORTS = { payments: 4273, menu: 3100, driver: 3101 };

export const menuUrl = `http://127.0.0.1:${E2E_PORTS.menu}`;
export const driverUrl = `http://127.0.0.1:${E2E_PORTS.driver}`;
