import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { historiesDir, workflowBundle } from './support/order-harness';

const fixtures = readdirSync(historiesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort();

/** The Worker reads a history in the JSON the Temporal CLI and UI export; one bundle serves all. */
const replay = async (path: string) =>
  Worker.runReplayHistory(
    { workflowBundle: await workflowBundle(), replayName: path },
    JSON.parse(readFileSync(path, 'utf8')),
    path,
  );

describe('recorded order histories replay against the current workflow code', () => {
  it('has fixtures of the Update era, of requests, of quiet notification records, of the kitchen and of order events', () => {
    const count = (folder: string) => fixtures.filter((file) => file.startsWith(folder)).length;
    expect(count('v1-updates')).toBe(8);
    expect(count('v2-requests')).toBe(11);
    expect(count('v3-quiet-notifications')).toBe(11);
    expect(count('v4-kitchen')).toBe(19);
    expect(count('v5-order-events')).toBe(19);
  });

  it.each(fixtures)('%s', async (file) => {
    await expect(replay(join(historiesDir, file))).resolves.toBeUndefined();
  });
});

/**
 * Platform bugs, kept as fixtures that document them: each history was written live in an order
 * no replay reproduces, so no workflow code can replay it (docs/actions.md). Should an SDK
 * upgrade make one replay, its test fails and tells us to revisit the workarounds.
 */
const SDK_BUGS = [
  {
    // An Update accepted by a worker that started the workflow cold, in one task with a fired
    // timer and finished activities (temporalio/sdk-typescript#1966, temporalio/sdk-python#1591).
    file: 'nde-rating-update-cold-start.json',
    error:
      /Nondeterminism error: Update machine does not handle this event: HistoryEvent\(id: 55, UpsertWorkflowSearchAttributes\)/,
  },
  {
    // A signal handled by a worker that already held the order, after an activity finished while
    // the task waited on a dead worker's sticky queue: live, the activity's follow-up commands
    // came first; a replay runs the signal's handler first.
    file: 'nde-signal-after-activity-warm-worker.json',
    error:
      /Nondeterminism error: Activity machine does not handle this event: HistoryEvent\(id: 40, UpsertWorkflowSearchAttributes\)/,
  },
];

describe('histories the SDK wrote but cannot replay (platform bugs)', () => {
  it.each(SDK_BUGS)('$file still fails to replay with the SDK error', async ({ file, error }) => {
    await expect(replay(join(historiesDir, '../sdk-bugs', file))).rejects.toThrow(error);
  });
});
