/** Where each site mounts its tRPC router (app/api/trpc/[trpc]/route.ts). */
export const TRPC_ENDPOINT = '/api/trpc';
