import { ApiError } from '../http/api-error';
import { FormObject } from '../http/form-body';
import { optionalInteger, optionalString } from '../params/param-readers';

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export interface PageSource<T extends { id: string }> {
  /** Already filtered, in the order the API returns them. */
  items: T[];
  /** Monotonic along `items`; undefined when the cursor id does not exist at all. */
  rankOf: (id: string) => number | undefined;
  objectName: string;
  url: string;
}

/** Stripe's cursor pagination: `limit` (1–100, default 10), `starting_after` or `ending_before`. */
export function paginate<T extends { id: string }>(source: PageSource<T>, params: FormObject): ListObject<T> {
  const limit = optionalInteger(params.limit, 'limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = optionalString(params.starting_after, 'starting_after');
  const endingBefore = optionalString(params.ending_before, 'ending_before');
  if (startingAfter && endingBefore) {
    throw ApiError.invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', {
      param: 'ending_before',
    });
  }
  const rankOfItem = (item: T) => source.rankOf(item.id) ?? 0;
  if (startingAfter) {
    const cursor = cursorRank(source, startingAfter, 'starting_after');
    const after = source.items.filter((item) => rankOfItem(item) > cursor);
    return page(source, after.slice(0, limit), after.length > limit);
  }
  if (endingBefore) {
    const cursor = cursorRank(source, endingBefore, 'ending_before');
    const before = source.items.filter((item) => rankOfItem(item) < cursor);
    return page(source, before.slice(Math.max(0, before.length - limit)), before.length > limit);
  }
  return page(source, source.items.slice(0, limit), source.items.length > limit);
}

/** Lists embedded in another object (line items) are ordered by position, not by a table. */
export function arrayPageSource<T extends { id: string }>(items: T[], objectName: string, url: string): PageSource<T> {
  const positions = new Map(items.map((item, index) => [item.id, index]));
  return { items, objectName, url, rankOf: (id) => positions.get(id) };
}

function cursorRank<T extends { id: string }>(source: PageSource<T>, id: string, param: string): number {
  const rank = source.rankOf(id);
  if (rank === undefined) throw ApiError.resourceMissing(source.objectName, id, param, 400);
  return rank;
}

function page<T extends { id: string }>(source: PageSource<T>, data: T[], hasMore: boolean): ListObject<T> {
  return { object: 'list', data, has_more: hasMore, url: source.url };
}
