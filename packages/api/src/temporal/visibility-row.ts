import {
  defaultPayloadConverter,
  type Payload,
  type RawWorkflowExecutionInfo,
} from '@temporalio/client';

/** What one Visibility record says of a workflow, decoded with the SDK's public payload converter. */
export interface VisibilityRow {
  workflowId: string;
  startTime: Date | null;
  memo: Record<string, unknown>;
  /** Search attribute values by name, as JSON gives them (a Datetime is an ISO string). */
  searchAttributes: Record<string, unknown>;
}

function decodeFields(fields: Record<string, Payload> | null | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields ?? {}).map(([name, payload]) => [
      name,
      defaultPayloadConverter.fromPayload(payload),
    ]),
  );
}

function timeOf(timestamp: RawWorkflowExecutionInfo['startTime']): Date | null {
  if (!timestamp?.seconds) return null;
  return new Date(Number(timestamp.seconds) * 1_000 + Math.floor((timestamp.nanos ?? 0) / 1e6));
}

export function decodeExecution(raw: RawWorkflowExecutionInfo): VisibilityRow {
  return {
    workflowId: raw.execution?.workflowId ?? '',
    startTime: timeOf(raw.startTime),
    memo: decodeFields(raw.memo?.fields),
    searchAttributes: decodeFields(raw.searchAttributes?.indexedFields),
  };
}
