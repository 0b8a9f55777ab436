import type { PairingView } from '@shanhai/contract';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay, isWithinDivision } from '@shanhai/domain';
import { PairingCountyEntity, PairingEntity } from '@shanhai/persistence';
import { invalid, notFound } from '../common/app-error';
import { DivisionService } from './division.service';
import { CreatePairingDto } from './places.dto';



@Injectable()
export class PairingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly divisions: DivisionService,
  ) {}

  async create(dto: CreatePairingDto): Promise<PairingView> {
    const east = await this.divisions.require(dto.eastDivisionCode, 'eastDivisionCode');
    if (east.level === 'county') throw invalid('eastDivisionCode', 'the helping side is a city or a province, not a county');
    if (dto.validTo && dto.validTo < dto.validFrom) throw invalid('validTo', 'must not be before validFrom');
    const seen = new Set<string>();
    for (const [i, c] of dto.counties.entries()) {
      await this.divisions.requireCounty(c.countyCode, `counties[${i}].countyCode`);
      if (isWithinDivision(dto.eastDivisionCode, c.countyCode)) {
        throw invalid(`counties[${i}].countyCode`, `${c.countyCode} lies inside the helping side ${dto.eastDivisionCode}; the helped counties are elsewhere`);
      }
      if (seen.has(c.countyCode)) throw invalid(`counties[${i}].countyCode`, 'listed twice');
      seen.add(c.countyCode);
      const from = c.validFrom ?? dto.validFrom;
      if (from < dto.validFrom) throw invalid(`counties[${i}].validFrom`, 'must not be before the pairing starts');
      if (c.validTo && c.validTo < from) throw invalid(`counties[${i}].validTo`, 'must not be before validFrom');
      if (dto.validTo && from > dto.validTo) throw invalid(`counties[${i}].validFrom`, 'must not be after the pairing ends');
      if (c.validTo && dto.validTo && c.validTo > dto.validTo) throw invalid(`counties[${i}].validTo`, 'must not be after the pairing ends');
    }
    const id = await this.db.transaction(async (tx) => {
      const pairing = await tx.save(
        tx.create(PairingEntity, { name: dto.name, nameEn: dto.nameEn ?? null, eastDivisionCode: dto.eastDivisionCode, validFrom: dto.validFrom, validTo: dto.validTo ?? null }),
      );
      await tx.insert(
        PairingCountyEntity,
        dto.counties.map((c) => ({ pairingId: pairing.id, countyCode: c.countyCode, validFrom: c.validFrom ?? dto.validFrom, validTo: c.validTo ?? dto.validTo ?? null })),
      );
      return pairing.id;
    });
    return this.get(id);
  }

  async list(): Promise<PairingView[]> {
    const pairings = await this.db.getRepository(PairingEntity).find({ order: { validFrom: 'ASC' } });
    return Promise.all(pairings.map((p) => this.view(p)));
  }

  async get(id: string): Promise<PairingView> {
    const pairing = await this.db.getRepository(PairingEntity).findOne({ where: { id } });
    if (!pairing) throw notFound('pairing', id);
    return this.view(pairing);
  }

  /** The pairings covering a county on a day: a county is "helped" while at least one does. */
  async coveringPairings(countyCode: string, day = businessDay()): Promise<PairingView[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT p.id FROM pairing_counties pc JOIN pairings p ON p.id = pc.pairing_id
        WHERE pc.county_code = $1 AND pc.valid_from <= $2 AND (pc.valid_to IS NULL OR pc.valid_to >= $2)
          AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2)`,
      [countyCode, day],
    );
    return Promise.all(rows.map((r) => this.get(r.id)));
  }

  /** Whether a county (named in the path) is helped on a day, with the pairings that cover it. */
  async helped(countyCode: string, day = businessDay()): Promise<{ countyCode: string; helped: boolean; pairings: PairingView[] }> {
    await this.divisions.knownCounty(countyCode, 'code');
    const pairings = await this.coveringPairings(countyCode, day);
    return { countyCode, helped: pairings.length > 0, pairings };
  }

  async isHelped(countyCode: string, day = businessDay()): Promise<boolean> {
    return (await this.coveringPairings(countyCode, day)).length > 0;
  }

  private async view(p: PairingEntity): Promise<PairingView> {
    const counties = await this.db.getRepository(PairingCountyEntity).find({ where: { pairingId: p.id }, order: { countyCode: 'ASC' } });
    const east = await this.divisions.find(p.eastDivisionCode);
    return {
      id: p.id,
      name: p.name,
      nameEn: p.nameEn,
      eastDivisionCode: p.eastDivisionCode,
      eastDivisionName: east?.name ?? null,
      validFrom: p.validFrom,
      validTo: p.validTo,
      counties: await Promise.all(
        counties.map(async (c) => ({ countyCode: c.countyCode, countyName: (await this.divisions.find(c.countyCode))?.name ?? null, validFrom: c.validFrom, validTo: c.validTo })),
      ),
    };
  }
}
