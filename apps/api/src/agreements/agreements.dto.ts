import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDateString, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AGREEMENT_PAYMENT_METHODS,
  AGREEMENT_STATUSES,
  COMMITMENT_STATUSES,
  DELIVERY_CHANGE_KINDS,
  INVOICING_MODES,
  MAX_AGREEMENT_DAYS,
  MAX_BAND_PERMILLE,
  MAX_NOTICE_DAYS,
  MAX_ORDER_DAYS_AHEAD,
  PAYMENT_METHODS,
  PRICE_KINDS,
  SCHEDULE_KINDS,
} from '@shanhai/domain';
import type { AgreementPaymentMethod, DeliveryChangeKind, InvoicingMode, PaymentMethod } from '@shanhai/domain';
import { ISO_DAY } from '../places/places.dto';
import { toInt } from '../common/transforms';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_FEN = 100_000_000_000;

export class PriceRuleDto {
  @ApiProperty({ enum: PRICE_KINDS, description: 'fixed: one unit price for the whole agreement; reference_band: the SKU’s list price on the day the order is generated, kept within ± bandPermille of basePriceFen' })
  @IsIn(PRICE_KINDS, { message: `kind must be one of ${PRICE_KINDS.join(', ')}` })
  kind!: 'fixed' | 'reference_band';
  @ApiPropertyOptional({ description: 'fixed: fen per unit', example: 3600 })
  @IsOptional()
  @IsInt({ message: 'unitPriceFen must be an integer number of fen' })
  @Min(1)
  @Max(MAX_FEN)
  unitPriceFen?: number;
  @ApiPropertyOptional({ description: 'reference_band: the agreed base price, fen per unit', example: 4000 })
  @IsOptional()
  @IsInt({ message: 'basePriceFen must be an integer number of fen' })
  @Min(1)
  @Max(MAX_FEN)
  basePriceFen?: number;
  @ApiPropertyOptional({ description: `reference_band: the band around the base price in per-mille (100 = ±10%), 0-${MAX_BAND_PERMILLE}`, example: 100 })
  @IsOptional()
  @IsInt({ message: 'bandPermille must be an integer' })
  @Min(0)
  @Max(MAX_BAND_PERMILLE)
  bandPermille?: number;
}

export class ScheduleDto {
  @ApiProperty({ enum: SCHEDULE_KINDS, description: 'weekly: on the chosen weekdays within the period; dates: on the listed days (a harvest calendar)' })
  @IsIn(SCHEDULE_KINDS, { message: `kind must be one of ${SCHEDULE_KINDS.join(', ')}` })
  kind!: 'weekly' | 'dates';
  @ApiPropertyOptional({ type: [Number], description: 'weekly: ISO weekdays, 1 = Monday … 7 = Sunday', example: [1, 4] })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsInt({ each: true, message: 'weekdays must be integers 1-7' })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];
  @ApiPropertyOptional({ type: [String], description: 'dates: delivery days YYYY-MM-DD inside the period', example: ['2026-10-12'] })
  @IsOptional()
  @ArrayMaxSize(MAX_AGREEMENT_DAYS)
  @Matches(ISO_DAY, { each: true, message: 'dates must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { each: true, message: 'dates must be real calendar dates' })
  dates?: string[];
}

/** The terms of a version: the first proposal or an amendment carries them whole. */
export class AgreementTermsDto {
  @ApiProperty({ description: 'the SKU (and so the cooperative) the agreement is for' })
  @IsUUID('all', { message: 'skuId must be a UUID' })
  skuId!: string;
  @ApiProperty({ description: 'units (the SKU’s packing unit) per delivery; the SKU’s minimum and multiple apply', example: 20 })
  @IsInt({ message: 'quantity must be an integer' })
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
  @ApiProperty({ type: PriceRuleDto })
  @IsDefined({ message: 'price is required' })
  @IsObject({ message: 'price must be an object' })
  @ValidateNested()
  @Type(() => PriceRuleDto)
  price!: PriceRuleDto;
  @ApiProperty({ type: ScheduleDto })
  @IsDefined({ message: 'schedule is required' })
  @IsObject({ message: 'schedule must be an object' })
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule!: ScheduleDto;
  @ApiPropertyOptional({ description: 'the buyer’s delivery site; a cooperative proposing leaves it out and the buyer names it on acceptance' })
  @IsOptional()
  @IsUUID('all', { message: 'deliverySiteId must be a UUID' })
  deliverySiteId?: string;
  @ApiProperty({ example: '2026-10-01' })
  @Matches(ISO_DAY, { message: 'startDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'startDate must be a real calendar date' })
  startDate!: string;
  @ApiProperty({ example: '2027-01-31', description: `inclusive; at most ${MAX_AGREEMENT_DAYS} days after startDate` })
  @Matches(ISO_DAY, { message: 'endDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'endDate must be a real calendar date' })
  endDate!: string;
  @ApiProperty({ enum: AGREEMENT_PAYMENT_METHODS, description: 'card or wallet: each delivery’s order awaits payment; invoice: on the buyer’s approved net terms' })
  @IsIn(AGREEMENT_PAYMENT_METHODS, { message: `paymentMethod must be one of ${AGREEMENT_PAYMENT_METHODS.join(', ')}` })
  paymentMethod!: AgreementPaymentMethod;
  @ApiPropertyOptional({ enum: INVOICING_MODES, description: 'invoice only: per_delivery (default) issues each delivery’s invoice at once; monthly issues the month’s invoices on the first day of the next month' })
  @IsOptional()
  @IsIn(INVOICING_MODES, { message: `invoicing must be one of ${INVOICING_MODES.join(', ')}` })
  invoicing?: InvoicingMode;
  @ApiPropertyOptional({ description: `days before each delivery its order is generated (default: the SKU’s lead time + 2; never less than the lead time), 0-${MAX_ORDER_DAYS_AHEAD}`, example: 3 })
  @IsOptional()
  @IsInt({ message: 'orderDaysAhead must be an integer' })
  @Min(0)
  @Max(MAX_ORDER_DAYS_AHEAD)
  orderDaysAhead?: number;
  @ApiPropertyOptional({ description: `notice in days for a pause or an early end (default 7), 0-${MAX_NOTICE_DAYS}`, example: 7 })
  @IsOptional()
  @IsInt({ message: 'noticeDays must be an integer' })
  @Min(0)
  @Max(MAX_NOTICE_DAYS)
  noticeDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ProposeAgreementDto extends AgreementTermsDto {
  @ApiPropertyOptional({ description: 'the buyer organisation: required when a cooperative proposes; for a buyer, needed only when you belong to several' })
  @IsOptional()
  @IsUUID('all', { message: 'buyerId must be a UUID' })
  buyerId?: string;
}

export class AmendAgreementDto extends AgreementTermsDto {
  @ApiPropertyOptional({ description: 'the first day the new terms govern (default and earliest: today, or the day they are accepted if later); deliveries already generated keep their orders', example: '2026-11-01' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'effectiveFrom must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'effectiveFrom must be a real calendar date' })
  effectiveFrom?: string;
}

export class AgreementDecisionDto {
  @ApiProperty({ description: 'the version decided on (as read), so a newer proposal is never accepted unseen', example: 1 })
  @IsInt({ message: 'version must be an integer' })
  @Min(1)
  @Max(100_000)
  version!: number;
  @ApiProperty({ enum: ['accept', 'decline', 'withdraw'], description: 'the other side accepts or declines; the proposer withdraws' })
  @IsIn(['accept', 'decline', 'withdraw'], { message: 'decision must be accept, decline or withdraw' })
  decision!: 'accept' | 'decline' | 'withdraw';
  @ApiPropertyOptional({ description: 'the buyer accepting a cooperative’s proposal names its delivery site' })
  @IsOptional()
  @IsUUID('all', { message: 'deliverySiteId must be a UUID' })
  deliverySiteId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class PauseAgreementDto {
  @ApiProperty({ description: 'the first day without deliveries; no earlier than today + the notice days', example: '2027-01-15' })
  @Matches(ISO_DAY, { message: 'from must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'from must be a real calendar date' })
  from!: string;
  @ApiPropertyOptional({ description: 'the last day without deliveries (a break, e.g. school holidays); leave out to pause until resumed', example: '2027-02-20' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'until must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'until must be a real calendar date' })
  until?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class ResumeAgreementDto {
  @ApiPropertyOptional({ description: 'the first day deliveries come again (default today)', example: '2027-03-01' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'from must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'from must be a real calendar date' })
  from?: string;
}

export class TerminateAgreementDto {
  @ApiPropertyOptional({ description: 'the last day anything is delivered (default and earliest: today + the notice days)', example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'lastDeliveryOn must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'lastDeliveryOn must be a real calendar date' })
  lastDeliveryOn?: string;
  @ApiProperty({ description: 'why the agreement ends early' }) @IsString() @MaxLength(1000) reason!: string;
}

export class DeliveryChangeDto {
  @ApiProperty({ description: 'a scheduled delivery day whose order is not generated yet', example: '2026-10-15' })
  @Matches(ISO_DAY, { message: 'deliveryDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'deliveryDate must be a real calendar date' })
  deliveryDate!: string;
  @ApiProperty({ enum: DELIVERY_CHANGE_KINDS, description: 'skip: no delivery that day (a buyer’s skip takes effect at once; a cooperative’s needs the buyer’s consent); substitute: another SKU of the same cooperative (a nearby grade), consented to by the other side' })
  @IsIn(DELIVERY_CHANGE_KINDS, { message: `kind must be one of ${DELIVERY_CHANGE_KINDS.join(', ')}` })
  kind!: DeliveryChangeKind;
  @ApiPropertyOptional({ description: 'substitute: the other SKU' })
  @IsOptional()
  @IsUUID('all', { message: 'substituteSkuId must be a UUID' })
  substituteSkuId?: string;
  @ApiPropertyOptional({ description: 'substitute: units of the other SKU (default: the agreement’s quantity)', example: 20 })
  @IsOptional()
  @IsInt({ message: 'quantity must be an integer' })
  @Min(1)
  @Max(1_000_000)
  quantity?: number;
  @ApiPropertyOptional({ description: 'substitute: its unit price in fen (default: the agreement’s price rule applied to the other SKU)', example: 3400 })
  @IsOptional()
  @IsInt({ message: 'unitPriceFen must be an integer number of fen' })
  @Min(1)
  @Max(MAX_FEN)
  unitPriceFen?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ChangeDecisionDto {
  @ApiProperty({ enum: ['accept', 'decline', 'withdraw'], description: 'the other side accepts or declines; the proposer withdraws' })
  @IsIn(['accept', 'decline', 'withdraw'], { message: 'decision must be accept, decline or withdraw' })
  decision!: 'accept' | 'decline' | 'withdraw';
}

export class AgreementQueryDto {
  @ApiPropertyOptional({ description: 'your organisation (buyer or cooperative) when you belong to several; the operator may name any' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES }) @IsOptional() @IsIn(AGREEMENT_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1) @Max(100) pageSize?: number;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ description: 'first day (default: the start of the agreement)', example: '2026-10-01' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'from must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'from must be a real calendar date' })
  from?: string;
  @ApiPropertyOptional({ description: 'last day (default: the end of the agreement); at most 400 days after from', example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'to must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'to must be a real calendar date' })
  to?: string;
}

export class CreateCommitmentDto {
  @ApiPropertyOptional({ description: 'the buyer organisation, when you belong to several' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
  @ApiProperty({ description: 'the SKU (packing) of the product whose harvest is committed to' }) @IsUUID('all', { message: 'skuId must be a UUID' }) skuId!: string;
  @ApiProperty({ description: 'YYYY-MM: the harvest month, this month or up to 24 months ahead', example: '2026-10' })
  @Matches(MONTH, { message: 'harvestMonth must be YYYY-MM' })
  harvestMonth!: string;
  @ApiProperty({ description: 'units of the SKU', example: 200 }) @IsInt({ message: 'quantity must be an integer' }) @Min(1) @Max(10_000_000) quantity!: number;
  @ApiPropertyOptional({ description: 'an indicative unit price in fen', example: 3500 })
  @IsOptional()
  @IsInt({ message: 'targetPriceFen must be an integer number of fen' })
  @Min(1)
  @Max(MAX_FEN)
  targetPriceFen?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'deliverySiteId must be a UUID' }) deliverySiteId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class CommitmentDecisionDto {
  @ApiProperty({ enum: ['acknowledge', 'decline'], description: 'the cooperative plans for it, or cannot' })
  @IsIn(['acknowledge', 'decline'], { message: 'decision must be acknowledge or decline' })
  decision!: 'acknowledge' | 'decline';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class CancelCommitmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class CommitmentOrderDto {
  @ApiProperty() @IsUUID('all', { message: 'deliverySiteId must be a UUID' }) deliverySiteId!: string;
  @ApiProperty({ example: '2026-10-12' })
  @Matches(ISO_DAY, { message: 'deliveryDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'deliveryDate must be a real calendar date' })
  deliveryDate!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) paymentMethod!: PaymentMethod;
  @ApiPropertyOptional({ description: 'units to order (default: the committed quantity)', example: 200 })
  @IsOptional()
  @IsInt({ message: 'quantity must be an integer' })
  @Min(1)
  @Max(1_000_000)
  quantity?: number;
}

export class CommitmentQueryDto {
  @ApiPropertyOptional({ description: 'your organisation (buyer or cooperative) when you belong to several; the operator may name any' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES }) @IsOptional() @IsIn(COMMITMENT_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1) @Max(100) pageSize?: number;
}

export class DemandQueryDto {
  @ApiPropertyOptional({ description: 'first month YYYY-MM (default: this month)', example: '2026-09' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be YYYY-MM' })
  from?: string;
  @ApiPropertyOptional({ description: 'last month YYYY-MM (default: 11 months after from; at most 24 months)', example: '2027-08' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be YYYY-MM' })
  to?: string;
}
