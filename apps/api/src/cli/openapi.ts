import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import { openApiDocument } from '../bootstrap';
import { loadConfig } from '../config/app-config';

/**
 * Writes the OpenAPI document without a database: preview mode builds the module graph and
 * route metadata but instantiates no provider, so nothing connects.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'libs/contract/openapi.json';
  const app = await NestFactory.create(AppModule.forRoot(loadConfig()), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  const doc = openApiDocument(app);
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`openapi: wrote ${out} (${Object.keys(doc.paths).length} paths)`);
  process.exit(0);
}

void main();
