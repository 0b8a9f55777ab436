import { EmulatorContext } from '../emulator.context';
import { ApiRouter } from '../http/api-request';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import { optionalString, timestampFilter } from '../params/param-readers';
import { paginate } from '../store/list-page';

/** Charges are created by payments, never directly (the legacy Charges API is not emulated). */
export function registerChargeRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const charges = ctx.store.charges;

  router.get('/v1/charges/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return charges.require(pathParams.id);
  });

  router.get('/v1/charges', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.chargeList);
    const paymentIntent = optionalString(params.payment_intent, 'payment_intent');
    const customer = optionalString(params.customer, 'customer');
    const created = timestampFilter(params.created, 'created');
    return paginate(
      charges.pageSource(
        '/v1/charges',
        (c) =>
          (paymentIntent === undefined || c.payment_intent === paymentIntent) &&
          (customer === undefined || c.customer === customer) &&
          created(c.created),
      ),
      params,
    );
  });
}
