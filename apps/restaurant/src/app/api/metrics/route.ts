import { metricsRoute } from '@delivery/observability';

/** The site's request metrics for Prometheus (text format); each scrape reads them anew. */
export const dynamic = 'force-dynamic';

export { metricsRoute as GET };
