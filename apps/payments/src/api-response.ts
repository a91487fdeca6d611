/** What an endpoint answers, before it is written to the wire (and, for POSTs, to the idempotency store). */
export interface ApiResponse {
  readonly status: number;
  readonly body: object;
}

export function jsonResponse(
  status: number,
  json: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(json, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function toResponse({ status, body }: ApiResponse): Response {
  return jsonResponse(status, JSON.stringify(body));
}
