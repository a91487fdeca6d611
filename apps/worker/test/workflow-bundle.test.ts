import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_BUNDLE_PATH, freshWorkflowBundle } from '../src/workflow-bundle';
import { quiet } from './support/quiet-logger';

const inputsPath = WORKFLOW_BUNDLE_PATH.replace(/\.js$/, '.inputs.json');
const writtenAt = (): number => statSync(WORKFLOW_BUNDLE_PATH).mtimeMs;

describe('the workflow bundle the worker runs', () => {
  it(
    'is reused while every file it was made from is unchanged, and made again when one changed',
    {
      timeout: 300_000,
    },
    async () => {
      expect(await freshWorkflowBundle(quiet)).toEqual({ codePath: WORKFLOW_BUNDLE_PATH });
      const first = writtenAt();
      expect(await freshWorkflowBundle(quiet)).toEqual({ codePath: WORKFLOW_BUNDLE_PATH });
      expect(writtenAt()).toBe(first);

      const inputs = JSON.parse(readFileSync(inputsPath, 'utf8')) as {
        files: Record<string, string>;
      };
      const [workflowFile] = Object.keys(inputs.files).filter((file) =>
        file.includes('packages/workflows/src/order.ts'),
      );
      expect(workflowFile).toBeDefined();
      const recorded = inputs.files[workflowFile!];
      writeFileSync(
        inputsPath,
        JSON.stringify({
          ...inputs,
          files: { ...inputs.files, [workflowFile!]: 'an older order.ts' },
        }),
      );

      expect(await freshWorkflowBundle(quiet)).toEqual({ codePath: WORKFLOW_BUNDLE_PATH });
      expect(writtenAt()).toBeGreaterThan(first);
      const rebuilt = JSON.parse(readFileSync(inputsPath, 'utf8')) as typeof inputs;
      expect(rebuilt.files[workflowFile!]).toBe(recorded);
    },
  );
});
