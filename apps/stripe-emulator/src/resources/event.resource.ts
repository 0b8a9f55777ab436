import { EmulatorContext } from '../emulator.context';
import { ApiRouter } from '../http/api-request';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import { optionalString, optionalStringList, timestampFilter } from '../params/param-readers';
import { paginate } from '../store/list-page';

export function registerEventRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const events = ctx.events.table;

  router.get('/v1/events/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return events.require(pathParams.id);
  });

  router.get('/v1/events', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.eventList);
    const type = optionalString(params.type, 'type');
    const types = optionalStringList(params.types, 'types');
    const created = timestampFilter(params.created, 'created');
    const matchesType = typeMatcher(type, types);
    return paginate(events.pageSource('/v1/events', (e) => matchesType(e.type) && created(e.created)), params);
  });
}

/** Stripe allows one `*` wildcard in `type` (e.g. `invoice.*`) or an exact list in `types[]`. */
export function typeMatcher(type: string | undefined, types: string[] | undefined): (eventType: string) => boolean {
  if (types && types.length > 0) return (eventType) => types.includes(eventType);
  if (!type) return () => true;
  if (!type.includes('*')) return (eventType) => eventType === type;
  const pattern = new RegExp(`^${type.split('*').map(escapeRegExp).join('.*')}$`);
  return (eventType) => pattern.test(eventType);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
