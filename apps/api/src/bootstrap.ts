import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { MAX_IMAGE_BYTES } from './catalog/product-image.service';
import { AppConfig } from './config/app-config';
import { createValidationPipe } from './common/validation';
import { MAX_DOCUMENT_BYTES } from './evidence/evidence.service';
import { mountQueueDashboard } from './operations/queue-dashboard';

/** Where Stripe (and the local emulator, see scripts/start.mjs) delivers events. */
export const STRIPE_WEBHOOK_PATH = '/api/payments/stripe/webhook';

/** Builds the HTTP application; shared by `main.ts` and the integration tests so both run the same stack. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false, abortOnError: false });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      // The Swagger UI page needs its inline script and styles; everything else stays strict.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'", 'https:'] } },
    }),
  );
  // Stripe signs the exact bytes it sends: its webhook gets the raw body (the JSON parser then skips the request).
  app.use(STRIPE_WEBHOOK_PATH, express.raw({ type: () => true, limit: '1mb' }));
  // Evidence documents arrive as raw bytes of any claimed type (the service sniffs them), up to 10 MB.
  app.use(['/api/certifications/:id/documents', '/api/organisations/:id/documents'], express.raw({ type: () => true, limit: MAX_DOCUMENT_BYTES }));
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(express.raw({ type: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'], limit: MAX_IMAGE_BYTES + 1024 }));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const dashboardQueues = mountQueueDashboard(app, config);
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await Promise.all(dashboardQueues.map((q) => q.close().catch(() => undefined)));
  };
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Shanhai (山海) API')
    .setDescription('Consumption-assistance marketplace: identity, places and pairings, catalog, certification. Money is integer fen (CNY).')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}
