import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { historiesDir, workflowsPath } from './support/order-harness';

const fixtures = readdirSync(historiesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort();

const replay = (path: string) => {
  const history = historyFromJSON(JSON.parse(readFileSync(path, 'utf8')));
  return Worker.runReplayHistory({ workflowsPath, replayName: path }, history, path);
};

describe('recorded order histories replay against the current workflow code', () => {
  it('has fixtures of the Update era and of requests', () => {
    expect(fixtures.filter((file) => file.startsWith('v1-updates')).length).toBe(8);
    expect(fixtures.filter((file) => file.startsWith('v2-requests')).length).toBeGreaterThanOrEqual(
      8,
    );
  });

  it.each(fixtures)('%s', async (file) => {
    await expect(replay(join(historiesDir, file))).resolves.toBeUndefined();
  });
});

/**
 * Platform bug, kept as a fixture that documents it: an Update that reached a worker starting the
 * workflow cold, in one workflow task with a fired timer and finished activities, was accepted
 * after the timer's commands live but is applied before them in replay
 * (temporalio/sdk-typescript#1966, temporalio/sdk-python#1591). No workflow code can replay this
 * history; the order's actions are signals since (docs/actions.md).
 */
describe('the Update collision on a cold worker (SDK bug)', () => {
  const evidence = join(historiesDir, '../sdk-bugs/nde-rating-update-cold-start.json');

  it(`${relative(historiesDir, evidence)} still fails to replay with the SDK's error`, async () => {
    await expect(replay(evidence)).rejects.toThrow(
      /Nondeterminism error: Update machine does not handle this event: HistoryEvent\(id: 55, UpsertWorkflowSearchAttributes\)/,
    );
  });
});
