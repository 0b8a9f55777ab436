import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../identity/auth.decorators';
import { StripeWebhookService } from './stripe-webhook.service';

/** Stripe's events. bootstrap.ts hands this one route the raw body: the signature covers the exact bytes. */
@ApiTags('payments')
@Controller('payments/stripe')
export class StripeWebhookController {
  constructor(private readonly webhook: StripeWebhookService) {}

  @Public()
  @Post('webhook')
  @HttpCode(200)
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: 't=<unix>,v1=<HMAC-SHA256 of "<t>.<raw body>">' })
  @ApiOperation({ summary: 'Stripe webhook: verified on the raw body, each event applied once; 400 on a bad signature' })
  receive(@Req() req: Request, @Headers('stripe-signature') signature: string | undefined) {
    return this.webhook.receive(req.body, signature);
  }
}
