import { ApiError } from '../http/api-error';
import { PageSource } from './list-page';

interface Row<T> {
  seq: number;
  value: T;
}

/**
 * One collection of API objects. Insertion order is kept because `created` has one-second
 * resolution and lists must still come back newest-first in a stable order.
 */
export class ResourceTable<T extends { id: string }> {
  private readonly rows = new Map<string, Row<T>>();
  private seq = 0;

  constructor(readonly objectName: string) {}

  insert(value: T): T {
    this.rows.set(value.id, { seq: ++this.seq, value });
    return value;
  }

  get(id: string): T | undefined {
    return this.rows.get(id)?.value;
  }

  /** For ids in the URL: a missing object is a 404. */
  require(id: string): T {
    const found = this.get(id);
    if (!found) throw ApiError.resourceMissing(this.objectName, id, 'id', 404);
    return found;
  }

  /** For ids passed as parameters: Stripe answers 400 with the parameter's name. */
  requireParam(id: string, param: string): T {
    const found = this.get(id);
    if (!found) throw ApiError.resourceMissing(this.objectName, id, param, 400);
    return found;
  }

  delete(id: string): void {
    this.rows.delete(id);
  }

  /** Newest first, as Stripe lists are. */
  list(filter: (value: T) => boolean = () => true): T[] {
    return [...this.rows.values()]
      .sort((a, b) => b.seq - a.seq)
      .filter((row) => filter(row.value))
      .map((row) => row.value);
  }

  /** Position in newest-first order; lets a cursor point at an object the current filter excludes. */
  rankOf(id: string): number | undefined {
    const row = this.rows.get(id);
    return row ? -row.seq : undefined;
  }

  pageSource(url: string, filter?: (value: T) => boolean): PageSource<T> {
    return { items: this.list(filter), rankOf: (id) => this.rankOf(id), objectName: this.objectName, url };
  }

  clear(): void {
    this.rows.clear();
  }
}
