import { relative } from 'node:path';
import { buildWorkflowBundle } from './workflow-bundle';

/* `pnpm build`: the workflow bundle, made once here rather than by webpack at every worker start. */
const path = await buildWorkflowBundle();
console.log(`workflow bundle written to ${relative(process.cwd(), path)}`);
