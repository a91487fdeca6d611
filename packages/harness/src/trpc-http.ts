/** Calls a site's tRPC procedures over plain HTTP, the way curl or a hostile client would. */
export interface TrpcResponse {
  status: number;
  body: unknown;
  setCookie: string[];
}

export interface TrpcCall {
  cookie?: string;
  /** The body exactly as sent (mutations); overrides `input`. */
  rawBody?: string;
  input?: unknown;
}

async function asResponse(response: Response): Promise<TrpcResponse> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: response.status, body, setCookie: response.headers.getSetCookie() };
}

export function trpcHttp(baseUrl: string) {
  const headers = (cookie?: string): Record<string, string> => ({
    'content-type': 'application/json',
    ...(cookie ? { cookie } : {}),
  });
  return {
    async query(procedure: string, { input, cookie }: TrpcCall = {}): Promise<TrpcResponse> {
      const search =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return asResponse(
        await fetch(`${baseUrl}/api/trpc/${procedure}${search}`, { headers: headers(cookie) }),
      );
    },
    async mutation(
      procedure: string,
      { input, rawBody, cookie }: TrpcCall = {},
    ): Promise<TrpcResponse> {
      return asResponse(
        await fetch(`${baseUrl}/api/trpc/${procedure}`, {
          method: 'POST',
          headers: headers(cookie),
          body: rawBody ?? (input === undefined ? undefined : JSON.stringify(input)),
        }),
      );
    },
  };
}

/** The tRPC error code (`BAD_REQUEST`, ...) and message of an error response. */
export function trpcError(response: TrpcResponse): { code?: string; message?: string } {
  const error = (response.body as { error?: { message?: string; data?: { code?: string } } })
    ?.error;
  return { code: error?.data?.code, message: error?.message };
}
