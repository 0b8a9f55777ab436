import { stripeSettingsFromEnv } from './stripe-settings';

describe('Stripe settings', () => {
  it('talks to the local emulator by default', () => {
    expect(stripeSettingsFromEnv({})).toEqual({ secretKey: 'sk_test_emulator', webhookSecret: 'whsec_emulator', apiHost: '127.0.0.1', apiPort: 12111, apiProtocol: 'http' });
  });

  it('talks to Stripe itself with a real key and no host, and to any host named', () => {
    expect(stripeSettingsFromEnv({ STRIPE_SECRET_KEY: 'sk_test_real', STRIPE_WEBHOOK_SECRET: 'whsec_real' })).toEqual({
      secretKey: 'sk_test_real',
      webhookSecret: 'whsec_real',
      apiHost: null,
      apiPort: null,
      apiProtocol: null,
    });
    expect(stripeSettingsFromEnv({ STRIPE_SECRET_KEY: 'sk_test_real', STRIPE_API_HOST: 'stripe-mock', STRIPE_API_PORT: '12112', STRIPE_API_PROTOCOL: 'https' })).toMatchObject({
      apiHost: 'stripe-mock',
      apiPort: 12112,
      apiProtocol: 'https',
    });
    expect(() => stripeSettingsFromEnv({ STRIPE_API_PORT: 'x' })).toThrow(/STRIPE_API_PORT/);
  });
});
