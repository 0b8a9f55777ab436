import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES, redisConnection } from '@shanhai/persistence';
import { AppConfig } from '../config/app-config';
import { AuthService } from '../identity/auth.service';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
const COOKIE = 'shanhai_ops';

function cookieToken(req: Request): string | null {
  const match = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) : null;
}

/**
 * Bull Board (a maintained queue dashboard) for operators at /api/admin/queues. A browser cannot send
 * a bearer header to a page, so the first visit carries `?token=<session token>`; it is checked, kept
 * in an HttpOnly, SameSite=Strict cookie limited to this path, and the address is cleaned. Every
 * request — page, assets, the board's own API — must belong to an operator's live session.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): Queue[] {
  const connection = redisConnection(config.redisUrl);
  const prefix = process.env.QUEUE_PREFIX ?? 'shanhai';
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection, prefix }));
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Shanhai queues' } } });
  const auth = app.get(AuthService);
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : null;
    const header = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : null;
    const token = fromQuery ?? header ?? cookieToken(req);
    const principal = token ? await auth.authenticate(token).catch(() => null) : null;
    if (!principal) return void res.status(401).json({ statusCode: 401, code: 'UNAUTHORIZED', message: `sign in as an operator and open ${QUEUE_DASHBOARD_PATH}?token=<your session token>` });
    if (!principal.isOperator) return void res.status(403).json({ statusCode: 403, code: 'FORBIDDEN', message: 'the queue dashboard is for operators' });
    if (fromQuery) {
      res.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, secure: req.secure });
      return void res.redirect(303, QUEUE_DASHBOARD_PATH + '/');
    }
    next();
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, adapter.getRouter());
  return queues;
}
