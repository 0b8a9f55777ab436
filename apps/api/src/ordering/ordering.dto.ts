import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PAYMENT_METHODS } from '@shanhai/domain';
import type { PaymentMethod } from '@shanhai/domain';
import { ISO_DAY } from '../places/places.dto';
import { toInt } from '../common/transforms';

export const MAX_ORDER_LINES = 5000;

export class BuyerScopeDto {
  @ApiPropertyOptional({ description: 'the buyer organisation; needed only when you belong to several' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
}

export class CartQueryDto extends BuyerScopeDto {
  @ApiPropertyOptional({ description: 'estimate delivery fees to this site' })
  @IsOptional()
  @IsUUID('all', { message: 'deliverySiteId must be a UUID' })
  deliverySiteId?: string;
}

export class CartItemDto extends BuyerScopeDto {
  @ApiProperty() @IsUUID('all', { message: 'skuId must be a UUID' }) skuId!: string;
  @ApiProperty({ description: 'units of the SKU (its packing unit)' }) @IsInt({ message: 'quantity must be an integer' }) @Min(1) @Max(1_000_000) quantity!: number;
}

export class QuickOrderDto extends BuyerScopeDto {
  @ApiProperty({ description: 'CSV lines of "SKU code,quantity"; a header row is optional', example: 'POTATO-01-1,10\nAPPLE-01-1,4' })
  @IsString()
  @MaxLength(400_000)
  csv!: string;
}

export class OrderLineDto {
  @ApiProperty() @IsUUID('all', { message: 'skuId must be a UUID' }) skuId!: string;
  @ApiProperty() @IsInt({ message: 'quantity must be an integer' }) @Min(1) @Max(1_000_000) quantity!: number;
}

export class PlaceOrderDto extends BuyerScopeDto {
  @ApiProperty() @IsUUID('all', { message: 'deliverySiteId must be a UUID' }) deliverySiteId!: string;
  @ApiProperty({ example: '2026-12-03' })
  @Matches(ISO_DAY, { message: 'deliveryDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'deliveryDate must be a real calendar date' })
  deliveryDate!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) paymentMethod!: PaymentMethod;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({ type: [OrderLineDto], description: 'order these lines instead of the cart (the cart is left as it is)' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines?: OrderLineDto[];
}

export class OrderQueryDto extends BuyerScopeDto {
  @ApiPropertyOptional({ enum: ['pending_approval', 'awaiting_payment', 'open', 'completed', 'cancelled'] })
  @IsOptional()
  @IsIn(['pending_approval', 'awaiting_payment', 'open', 'completed', 'cancelled'])
  status?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1) @Max(100) pageSize?: number;
}

export class ApprovalDecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) decision!: 'approve' | 'reject';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CancelOrderDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class PurchasingSettingsDto {
  @ApiProperty({ nullable: true, description: 'orders above this produce amount (fen) wait for an approver; null turns approval off' })
  @IsOptional()
  @IsInt({ message: 'approvalThresholdFen must be an integer number of fen or null' })
  @Min(0)
  @Max(100_000_000_000)
  approvalThresholdFen!: number | null;
}

export class NetTermsDto {
  @ApiProperty({ nullable: true, description: 'days until an invoice is due; null withdraws invoice payment' })
  @IsOptional()
  @IsInt({ message: 'days must be an integer or null' })
  @Min(1)
  @Max(180)
  days!: number | null;
}
