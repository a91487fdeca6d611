/** Where each site mounts its tRPC router (pages/api/trpc/[trpc].ts). */
export const TRPC_ENDPOINT = '/api/trpc';
