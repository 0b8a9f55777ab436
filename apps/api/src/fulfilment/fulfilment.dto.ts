import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { SUPPLIER_ORDER_STATUSES } from '@shanhai/domain';
import type { LineDecision, SupplierOrderStatus } from '@shanhai/domain';
import { MAX_ORDER_LINES } from '../ordering/ordering.dto';
import { ISO_DAY } from '../places/places.dto';
import { toInt } from '../common/transforms';

/** Free text may hold line breaks, not other control characters (PostgreSQL refuses NUL outright). */
const TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** One-line identifiers such as a carrier's name or a tracking number. */
const LINE = /^[^\u0000-\u001f\u007f]*\S[^\u0000-\u001f\u007f]*$/;
const MAX_UNITS = 1_000_000;

export class SupplierOrderQueryDto {
  @ApiPropertyOptional({ description: 'the cooperative; needed only when you work for several' })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiPropertyOptional({ enum: SUPPLIER_ORDER_STATUSES })
  @IsOptional()
  @IsIn(SUPPLIER_ORDER_STATUSES, { message: `status must be one of ${SUPPLIER_ORDER_STATUSES.join(', ')}` })
  status?: SupplierOrderStatus;

  @ApiPropertyOptional({ example: '2026-09-15', description: "the buyer's delivery date" })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'deliveryDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'deliveryDate must be a real calendar date' })
  deliveryDate?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1) @Max(100) pageSize?: number;
}

export class PickListQueryDto {
  @ApiPropertyOptional({ example: '2026-09-15', description: 'only orders to deliver on this day; all accepted, unshipped orders when left out' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'deliveryDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'deliveryDate must be a real calendar date' })
  deliveryDate?: string;
}

export class LineDecisionDto {
  @ApiProperty() @IsUUID('all', { message: 'lineId must be a UUID' }) lineId!: string;
  @ApiProperty({ enum: ['accept', 'reject'] }) @IsIn(['accept', 'reject'], { message: 'decision must be accept or reject' }) decision!: LineDecision;
  @ApiPropertyOptional({ description: 'why, for a rejected line (kept with the claim the buyer is refunded or credited by)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(TEXT, { message: 'note must not contain control characters' })
  note?: string;
}

export class DecisionsDto {
  @ApiProperty({ type: [LineDecisionDto], description: 'a decision for every line of the supplier order' })
  @IsArray({ message: 'lines must be an array' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineDecisionDto)
  lines!: LineDecisionDto[];
}

export class ShipmentDto {
  @ApiProperty({ example: '顺丰速运' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(LINE, { message: 'carrier must be one line of text' })
  carrier!: string;

  @ApiProperty({ example: 'SF1234567890' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(LINE, { message: 'trackingNo must be one line of text' })
  trackingNo!: string;

  @ApiProperty({ example: '2026-09-14', description: 'the day the goods left; not in the future, not before the order was placed' })
  @Matches(ISO_DAY, { message: 'shippedOn must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'shippedOn must be a real calendar date' })
  shippedOn!: string;
}

export class LineReceiptDto {
  @ApiProperty() @IsUUID('all', { message: 'lineId must be a UUID' }) lineId!: string;
  @ApiProperty({ description: 'units received in good order' }) @IsInt({ message: 'acceptedQuantity must be an integer' }) @Min(0) @Max(MAX_UNITS) acceptedQuantity!: number;
  @ApiProperty({ description: 'units that did not arrive' }) @IsInt({ message: 'shortQuantity must be an integer' }) @Min(0) @Max(MAX_UNITS) shortQuantity!: number;
  @ApiProperty({ description: 'units that arrived damaged' }) @IsInt({ message: 'damagedQuantity must be an integer' }) @Min(0) @Max(MAX_UNITS) damagedQuantity!: number;
  @ApiPropertyOptional({ description: 'what was wrong; a photo can be added with POST /api/order-lines/:id/receipt-photo' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @Matches(TEXT, { message: 'note must not contain control characters' })
  note?: string;
}

export class ReceiptDto {
  @ApiProperty({ type: [LineReceiptDto], description: 'one entry for every line the cooperative accepted' })
  @IsArray({ message: 'lines must be an array' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineReceiptDto)
  lines!: LineReceiptDto[];
}

export class EvaluationDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt({ message: 'rating must be an integer from 1 to 5' }) @Min(1) @Max(5) rating!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @Matches(TEXT, { message: 'comment must not contain control characters' })
  comment?: string;
}
