import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../column-types';
import type { BuyerType, OrganisationKind, Role, SupplierType, VerificationStatus } from '@shanhai/domain';

@Entity('organisations')
@Index(['kind', 'verificationStatus'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: OrganisationKind;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true }) nameEn!: string | null;
  /** 统一社会信用代码; unique where present. */
  @Index({ unique: true, where: 'credit_code IS NOT NULL' })
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true }) creditCode!: string | null;
  @Column({ name: 'buyer_type', type: 'varchar', length: 16, nullable: true }) buyerType!: BuyerType | null;
  @Column({ name: 'supplier_type', type: 'varchar', length: 16, nullable: true }) supplierType!: SupplierType | null;
  /** Supplier: the county it is registered in. Jurisdiction: the division it governs. */
  @Index()
  @Column({ name: 'division_code', type: 'char', length: 6, nullable: true }) divisionCode!: string | null;
  @Column({ name: 'verification_status', type: 'varchar', length: 16, default: 'pending' }) verificationStatus!: VerificationStatus;
  @Column({ name: 'verification_note', type: 'text', nullable: true }) verificationNote!: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ name: 'verified_by', type: 'uuid', nullable: true }) verifiedBy!: string | null;
  @Column({ name: 'households_lifted', type: 'integer', default: 0 }) householdsLifted!: number;
  @Column({ name: 'households_monitored', type: 'integer', default: 0 }) householdsMonitored!: number;
  @Column({ name: 'households_at_risk', type: 'integer', default: 0 }) householdsAtRisk!: number;
  @Column({ name: 'contact_name', type: 'varchar', length: 100, nullable: true }) contactName!: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', length: 32, nullable: true }) contactPhone!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** Buyer: orders above this produce amount wait for an approver; null = no approval step. */
  @Column({ name: 'approval_threshold_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) approvalThresholdFen!: number | null;
  /** Buyer: the operator approved paying by invoice on net terms of this many days; null = not approved. */
  @Column({ name: 'net_terms_days', type: 'integer', nullable: true }) netTermsDays!: number | null;
  /**
   * Jurisdiction: whether an order counts as complete only once the buyer has evaluated it (the 832
   * platform's rule). An order needs an evaluation when any jurisdiction containing its supplier's
   * county asks for one.
   */
  /** A jurisdiction may ask its public buyers to reserve more than the national 10% (per-mille). */
  @Column({ name: 'min_reserved_share_permille', type: 'integer', nullable: true }) minReservedSharePermille!: number | null;
  @Column({ name: 'requires_evaluation', type: 'boolean', default: true }) requiresEvaluation!: boolean;
  /** Buyer: the Stripe customer used for checkout and invoices. Never read into the entity (so never in an answer): the payments code reads and writes it in SQL. */
  @Column({ name: 'stripe_customer_id', type: 'varchar', length: 255, nullable: true, select: false }) stripeCustomerId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased; unique. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ type: 'varchar', length: 8, default: 'zh-CN' }) locale!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @PrimaryColumn({ type: 'varchar', length: 24 }) role!: Role;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Index()
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Bearer sessions: only a SHA-256 of the token is stored, so a leaked table grants nothing. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Index()
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

@Entity('delivery_sites')
export class DeliverySiteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 500 }) address!: string;
  @Column({ name: 'county_code', type: 'char', length: 6 }) countyCode!: string;
  @Column({ name: 'receiving_hours', type: 'varchar', length: 100, nullable: true }) receivingHours!: string | null;
  @Column({ name: 'contact_name', type: 'varchar', length: 100, nullable: true }) contactName!: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', length: 32, nullable: true }) contactPhone!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('production_bases')
export class ProductionBaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'county_code', type: 'char', length: 6 }) countyCode!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) address!: string | null;
  /** Area in 亩 × 100 would be false precision; square metres as an integer. */
  @Column({ name: 'area_m2', type: 'integer', nullable: true }) areaM2!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
