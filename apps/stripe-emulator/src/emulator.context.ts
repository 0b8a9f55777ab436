import { EventLog } from './events/event-log';
import { EmulatorStore } from './store/emulator.store';
import { WebhookDispatcher } from './webhooks/webhook-delivery';

/** Everything a resource needs, passed explicitly so several emulators can run in one process. */
export interface EmulatorContext {
  store: EmulatorStore;
  events: EventLog;
  webhooks: WebhookDispatcher;
  /** Base URL of hosted pages; known only after `listen` when the port is ephemeral. */
  runtime: { publicUrl: string };
  defaultCurrency: string;
}
