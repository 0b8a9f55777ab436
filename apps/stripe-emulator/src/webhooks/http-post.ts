import http from 'node:http';
import https from 'node:https';

export type PostOutcome = { statusCode: number; error: null } | { statusCode: null; error: string };

export interface PostHandle {
  result: Promise<PostOutcome>;
  abort: () => void;
}

/** One POST with a hard timeout; the response body is drained and ignored, as Stripe does. */
export function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): PostHandle {
  let request: http.ClientRequest | undefined;
  const result = new Promise<PostOutcome>((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ statusCode: null, error: `invalid webhook URL: ${url}` });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    request = client.request(
      target,
      {
        method: 'POST',
        // No keep-alive: a pooled socket to a receiver that a test already closed would outlive it.
        agent: false,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, error: null }));
        response.on('error', (err) => resolve({ statusCode: null, error: err.message }));
      },
    );
    request.on('timeout', () => request?.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', (err) => resolve({ statusCode: null, error: err.message }));
    request.end(body);
  });
  return { result, abort: () => request?.destroy(new Error('aborted: emulator reset or closed')) };
}
