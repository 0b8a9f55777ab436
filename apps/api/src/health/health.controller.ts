import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../config/config.module';
import { Public } from '../identity/auth.decorators';

interface Check {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

async function timed(fn: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000))]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'PostgreSQL, Redis and the last worker heartbeat; 503 when a service is down' })
  async health(@Res() res: Response): Promise<void> {
    const [database, redis] = await Promise.all([timed(() => this.db.query('SELECT 1')), timed(() => this.redis.ping())]);
    let worker: { lastHeartbeatAt: string | null } = { lastHeartbeatAt: null };
    if (database.status === 'up') {
      const [row] = await this.db.query('SELECT max(beat_at) AS at FROM worker_heartbeats');
      worker = { lastHeartbeatAt: row?.at ? new Date(row.at).toISOString() : null };
    }
    const ok = database.status === 'up' && redis.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'error', checks: { database, redis }, worker });
  }
}
