import { Inject, Injectable, Logger } from '@nestjs/common';
import { PaymentsCore, WebhookResult, WebhookSignatureError } from '@shanhai/payments';
import { AppError } from '../common/app-error';
import { PAYMENTS_CORE } from './payments-core.provider';

@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(@Inject(PAYMENTS_CORE) private readonly core: PaymentsCore) {}

  /**
   * 400 for a body Stripe did not sign (it is not retried); 200 once the event's effect is
   * committed, or was already; any other failure is a 5xx, and Stripe delivers the event again.
   */
  async receive(rawBody: unknown, signature: string | undefined): Promise<WebhookResult> {
    let event;
    try {
      event = this.core.webhook.verify(Buffer.isBuffer(rawBody) ? rawBody : undefined, signature);
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        this.logger.warn({ reason: err.message }, 'refused a Stripe webhook with a bad signature');
        throw new AppError(400, 'INVALID_SIGNATURE', `Stripe-Signature: ${err.message}`, [{ field: 'Stripe-Signature', reason: 'does not verify against the raw body with the webhook secret' }]);
      }
      throw err;
    }
    const result = await this.core.webhook.handle(event);
    if (result.outcome !== 'ignored') this.logger.log(result, 'Stripe event applied');
    return result;
  }
}
