import type { DivisionView } from '@shanhai/contract';
export type { DivisionView };
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isDivisionCode } from '@shanhai/domain';
import { DivisionEntity } from '@shanhai/persistence';
import { invalid, notFound } from '../common/app-error';



@Injectable()
export class DivisionService {
  // ~3,200 rows that change once a year: held in memory after the first read.
  private cache: Map<string, DivisionEntity> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private async all(): Promise<Map<string, DivisionEntity>> {
    if (!this.cache) {
      const rows = await this.db.getRepository(DivisionEntity).find();
      this.cache = new Map(rows.map((r) => [r.code, r]));
    }
    return this.cache;
  }

  /** Forget the cached list (after the reference data or demo places change). */
  invalidate(): void {
    this.cache = null;
  }

  async find(code: string): Promise<DivisionEntity | undefined> {
    return (await this.all()).get(code);
  }

  async require(code: string, field: string): Promise<DivisionEntity> {
    if (!isDivisionCode(code)) throw invalid(field, 'must be a six-digit GB/T 2260 code');
    const division = await this.find(code);
    if (!division) {
      this.invalidate();
      const again = await this.find(code);
      if (!again) throw invalid(field, `${code} is not a known administrative division`);
      return again;
    }
    return division;
  }

  async requireCounty(code: string, field: string): Promise<DivisionEntity> {
    const division = await this.require(code, field);
    if (division.level !== 'county') throw invalid(field, `${code} (${division.name}) is a ${division.level}, not a county`);
    return division;
  }

  /** A division named in the path: 404 when the code is unknown, 400 (naming `field`) when it is not a county. */
  async knownCounty(code: string, field: string): Promise<DivisionEntity> {
    const division = await this.find(code);
    if (!division) throw notFound('division', code);
    if (division.level !== 'county') throw invalid(field, `${code} (${division.name}) is a ${division.level}, not a county`);
    return division;
  }

  async get(code: string): Promise<DivisionView & { path: DivisionView[] }> {
    const division = await this.find(code);
    if (!division) throw notFound('division', code);
    return { ...view(division), path: await this.path(code) };
  }

  /** From the province down to the division itself. */
  async path(code: string): Promise<DivisionView[]> {
    const map = await this.all();
    const out: DivisionView[] = [];
    let current = map.get(code);
    while (current) {
      out.unshift(view(current));
      current = current.parentCode ? map.get(current.parentCode) : undefined;
    }
    return out;
  }

  async children(parentCode: string | null): Promise<DivisionView[]> {
    const map = await this.all();
    if (parentCode && !map.has(parentCode)) throw notFound('division', parentCode);
    return [...map.values()]
      .filter((d) => (parentCode ? d.parentCode === parentCode : d.level === 'province'))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(view);
  }
}

function view(d: DivisionEntity): DivisionView {
  return { code: d.code, name: d.name, nameEn: d.nameEn, level: d.level, parentCode: d.parentCode };
}
