export * from './api-client';
export * from './api-error';
export * from './missing-views';
export * from './session-store';
