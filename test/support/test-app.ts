import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { cloneTemplate } from './databases';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** The real API (the same bootstrap as production) on an ephemeral port, over its own database. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    readonly db: DataSource,
    readonly config: AppConfig,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const database = await cloneTemplate();
    const storageDir = mkdtempSync(join(tmpdir(), 'shanhai-storage-'));
    const config = loadConfig({ databaseUrl: database.url, port: 0, logLevel: 'silent', authRateLimitPerMinute: 100_000, storageDir, ...overrides });
    const app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const db = app.get<DataSource>(getDataSourceToken());
    return new TestApp(app, `http://127.0.0.1:${address.port}`, db, config, async () => {
      await app.close();
      rmSync(storageDir, { recursive: true, force: true });
      await database.drop();
    });
  }

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.raw) {
      body = new Uint8Array(options.raw);
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, token?: string) => this.call<T>('GET', path, { token });
  post = <T = any>(path: string, body: unknown, token?: string) => this.call<T>('POST', path, { body, token });
  patch = <T = any>(path: string, body: unknown, token?: string) => this.call<T>('PATCH', path, { body, token });
  put = <T = any>(path: string, body: unknown, token?: string) => this.call<T>('PUT', path, { body, token });

  async close(): Promise<void> {
    await this.cleanup();
  }
}
