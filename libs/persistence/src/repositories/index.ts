export * from './stock.repository';
export * from './outbox.repository';
export * from './order-cancellation.repository';
export * from './order-payment.repository';
export * from './order-completion.repository';
export * from './certified-window.repository';
