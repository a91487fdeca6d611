/**
 * The most calls one tRPC request may batch. The server refuses a larger batch before running any
 * of it, so one request cannot start a crowd of orders; the sites' client splits its batches to
 * stay under it.
 */
export const MAX_BATCH_CALLS = 10;
