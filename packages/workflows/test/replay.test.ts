import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { historiesDir, workflowsPath } from './support/order-harness';

const fixtures = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

describe('recorded order histories replay against the current workflow code', () => {
  it('has a fixture for every recorded path', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(historiesDir, file), 'utf8')));
    await expect(
      Worker.runReplayHistory(
        { workflowsPath, replayName: file },
        history,
        file.replace('.json', ''),
      ),
    ).resolves.toBeUndefined();
  });
});
