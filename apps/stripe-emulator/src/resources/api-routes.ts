import { EmulatorContext } from '../emulator.context';
import { ApiHandler, ApiRouter } from '../http/api-request';
import { Router } from '../http/router';
import { registerChargeRoutes } from './charge.resource';
import { registerCheckoutSessionRoutes } from './checkout-session.resource';
import { registerCustomerRoutes } from './customer.resource';
import { registerEventRoutes } from './event.resource';
import { registerInvoiceItemRoutes } from './invoice-item.resource';
import { registerInvoiceRoutes } from './invoice.resource';
import { registerPaymentIntentRoutes } from './payment-intent.resource';
import { registerRefundRoutes } from './refund.resource';

/** Every emulated `/v1` endpoint; anything else is answered with Stripe's "Unrecognized request URL". */
export function createApiRouter(ctx: EmulatorContext): ApiRouter {
  const router = new Router<ApiHandler>();
  registerCustomerRoutes(router, ctx);
  registerCheckoutSessionRoutes(router, ctx);
  registerPaymentIntentRoutes(router, ctx);
  registerChargeRoutes(router, ctx);
  registerRefundRoutes(router, ctx);
  registerInvoiceItemRoutes(router, ctx);
  registerInvoiceRoutes(router, ctx);
  registerEventRoutes(router, ctx);
  return router;
}
