// A container's health check: `node healthcheck.mjs URL` exits 0 when URL answers 2xx within
// 5 seconds. The images have no curl or wget; Node's fetch does the same.
const url = process.argv[2];
const answer = await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
process.exit(answer?.ok ? 0 : 1);
