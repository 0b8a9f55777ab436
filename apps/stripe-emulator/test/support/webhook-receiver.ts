import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
  /** Parsed only for assertions; verification must use `rawBody`. */
  eventId: string;
  eventType: string;
  receivedAt: number;
}

/**
 * A stand-in for the platform's webhook endpoint on an ephemeral loopback port. `respond`
 * decides the status per request (1-based), which lets tests fail the first N deliveries.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (requestNumber: number, webhook: ReceivedWebhook) => number = () => 200;
  url = '';
  private server?: http.Server;
  private requests = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const parsed = JSON.parse(rawBody) as { id: string; type: string };
        const webhook: ReceivedWebhook = {
          rawBody,
          signature: String(req.headers['stripe-signature'] ?? ''),
          eventId: parsed.id,
          eventType: parsed.type,
          receivedAt: Date.now(),
        };
        const status = this.respond(++this.requests, webhook);
        if (status >= 200 && status < 300) this.received.push(webhook);
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ received: status < 300 }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
    return this.url;
  }

  get requestCount(): number {
    return this.requests;
  }

  clear(): void {
    this.received.length = 0;
    this.requests = 0;
    this.respond = () => 200;
  }

  /** Polls until `predicate` holds; fails the test with the last state on timeout. */
  async waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) {
        throw new Error(`webhook condition not met in ${timeoutMs} ms; received: ${this.received.map((w) => w.eventType).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
