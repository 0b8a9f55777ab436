export * from './money';
export * from './pricing';
export * from './credit-code';
export * from './division';
export * from './identity';
export * from './catalog';
export * from './calendar';
