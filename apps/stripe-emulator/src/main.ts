import { optionsFromEnv } from './emulator.config';
import { startStripeEmulator } from './emulator.server';

/** `node dist/apps/stripe-emulator/main.js`; configuration comes from the environment only. */
async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const emulator = await startStripeEmulator({ ...options, log: (line) => console.log(`[stripe-emulator] ${line}`) });
  const webhook = emulator.controls.webhookConfig().url ?? 'none (set STRIPE_WEBHOOK_URL or POST /__emulator/webhooks/config)';
  console.log(`[stripe-emulator] listening on ${emulator.url} · webhooks → ${webhook}`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[stripe-emulator] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
