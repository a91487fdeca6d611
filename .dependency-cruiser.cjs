/**
 * The dependency rule (docs/architecture.md), checked by `pnpm lint`:
 *   apps → api → workflows (contract and client) → common
 * Type-only imports are left out (`tsPreCompilationDeps: false`): they vanish from the running
 * code, so the API may name the workflow's type without depending on the workflow.
 */
const WORKFLOW_BUNDLE_FORBIDDEN = [
  '^packages/workflows/src/(client|contract)[.]ts$',
  '^packages/activities/',
  '^packages/observability/',
  '^packages/common/src/(env|temporal-connection)[.]ts$',
  // Every cached order evaluates the bundle's modules again: the workflow imports common's modules
  // one by one, never its root, which carries the schemas (Zod) and the catalog.
  '^packages/common/src/(index|schemas|catalog|pricing)[.]ts$',
  '@temporalio/(client|worker|activity|testing|envconfig)',
];

module.exports = {
  forbidden: [
    {
      name: 'workflow-bundle-is-deterministic',
      comment:
        'Code reachable from the workflow bundle runs in the sandbox: no Node, no activity implementations, no client.',
      severity: 'error',
      from: { path: '^packages/workflows/src/index[.]ts$' },
      to: { path: WORKFLOW_BUNDLE_FORBIDDEN, reachable: true },
    },
    {
      name: 'workflow-code-has-no-node',
      severity: 'error',
      from: { path: '^packages/workflows/src/', pathNot: '^packages/workflows/src/client[.]ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'common-is-the-bottom',
      comment: 'common is shared by everything, so it depends on nothing of ours.',
      severity: 'error',
      from: { path: '^packages/common/' },
      to: { path: '^(apps|packages|tooling)/', pathNot: '^packages/common/' },
    },
    {
      name: 'common-root-runs-anywhere',
      comment: "common's root entry is imported by the workflow bundle and the browser: no Node.",
      severity: 'error',
      from: {
        path: '^packages/common/src/',
        pathNot: '^packages/common/src/(env|temporal-connection)[.]ts$',
      },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'workflows-know-only-common',
      severity: 'error',
      from: { path: '^packages/workflows/src/' },
      to: { path: '^(apps|packages|tooling)/', pathNot: '^packages/(workflows|common)/' },
    },
    {
      name: 'api-uses-the-workflow-contract',
      comment:
        'The API starts, signals and queries orders through the contract and its client only.',
      severity: 'error',
      from: { path: '^packages/api/src/' },
      to: {
        path: '^packages/workflows/',
        pathNot: '^packages/workflows/src/(contract|client)[.]ts$',
      },
    },
    {
      name: 'accounts-know-only-common',
      comment: 'The accounts database is a store the API and the worker use: it knows only common.',
      severity: 'error',
      from: { path: '^packages/accounts/' },
      to: { path: '^(apps|packages|tooling)/', pathNot: '^packages/(accounts|common)/' },
    },
    {
      name: 'observability-knows-only-itself',
      comment:
        'Tracing, logs and metrics are shared by the apps and the API (never the workflows): a leaf.',
      severity: 'error',
      from: { path: '^packages/observability/' },
      to: { path: '^(apps|packages|tooling)/', pathNot: '^packages/observability/' },
    },
    {
      name: 'events-know-only-common',
      comment:
        'The order-event bus carries order statuses between the worker and the sites: it knows only common.',
      severity: 'error',
      from: { path: '^packages/events/src/' },
      to: { path: '^(apps|packages|tooling)/', pathNot: '^packages/(events|common)/' },
    },
    {
      name: 'api-knows-no-workers-sites-or-ui',
      severity: 'error',
      from: { path: '^packages/api/src/' },
      to: { path: '^(apps/|packages/(activities|ui|harness|testing)/)' },
    },
    {
      name: 'ui-is-react-only',
      comment: 'ui runs in the browser: no server code, no Node, no Temporal.',
      severity: 'error',
      from: { path: '^packages/ui/' },
      to: {
        path: ['^(apps|tooling)/', '^packages/(?!ui/|common/)', '@temporalio/', '@trpc/server'],
      },
    },
    {
      name: 'ui-has-no-node',
      severity: 'error',
      from: { path: '^packages/ui/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sites-go-through-the-api',
      comment: 'A site reaches orders only through its tRPC router.',
      severity: 'error',
      from: { path: '^apps/(menu|driver|restaurant)/' },
      to: {
        path: [
          '^packages/(workflows|activities|harness|testing|accounts)/',
          '^apps/',
          '@temporalio/',
        ],
        pathNot: '^apps/(menu|driver|restaurant)/',
      },
    },
    {
      name: 'worker-runs-workflows-and-activities',
      severity: 'error',
      from: { path: '^apps/worker/src/' },
      to: { path: ['^packages/(api|ui|harness|testing)/', '^apps/(?!worker/)'] },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // A site's `~/` is its own src (tsconfig paths); its files' other imports are checked.
      to: { couldNotResolve: true, pathNot: '^~/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/[.]next/', '/node_modules/', '/test-results/', 'next-env[.]d[.]ts$'] },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    combinedDependencies: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
