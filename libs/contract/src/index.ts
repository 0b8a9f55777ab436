export * from './views';
export * from './payment-views';
export * from './agreement-views';
// Generated from openapi.json by scripts/generate-api-client.mjs: request shapes for the typed client.
export type { paths as ApiPaths, components as ApiComponents, operations as ApiOperations } from './openapi';
