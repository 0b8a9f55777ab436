import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INVOICE_STATUSES } from '@shanhai/domain';
import { ISO_DAY } from '../places/places.dto';
import { toBool, toInt } from '../common/transforms';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const CHECKOUT_METHODS = ['card', 'wechat_pay', 'alipay'] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

export class OpenCheckoutDto {
  @ApiPropertyOptional({ enum: CHECKOUT_METHODS, description: 'how to pay; the method chosen at checkout when left out' })
  @IsOptional()
  @IsIn(CHECKOUT_METHODS, { message: `method must be one of ${CHECKOUT_METHODS.join(', ')}` })
  method?: CheckoutMethod;
}

export class PageDto {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1) @Max(100) pageSize?: number;
}

export class InvoiceQueryDto extends PageDto {
  @ApiPropertyOptional({ description: 'a buyer organisation (operators: any; buyers: needed only when in several)' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
  @ApiPropertyOptional({ enum: INVOICE_STATUSES }) @IsOptional() @IsIn(INVOICE_STATUSES, { message: `status must be one of ${INVOICE_STATUSES.join(', ')}` }) status?: string;
  @ApiPropertyOptional({ description: 'only open invoices past their due date' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

export class RecordTransferDto {
  @ApiProperty({ description: 'the bank transfer reference (流水号)', example: 'ICBC-20261203-000123' })
  @Transform(trim)
  @IsString({ message: 'reference must be a string' })
  @MinLength(1, { message: 'reference must not be empty' })
  @MaxLength(200)
  reference!: string;
  @ApiProperty({ description: 'the value date of the transfer (China Standard Time)', example: '2026-12-03' })
  @Matches(ISO_DAY, { message: 'transferDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'transferDate must be a real calendar date' })
  transferDate!: string;
  @ApiPropertyOptional({ description: 'the amount received in fen; when given it must equal what is due (amount less credit notes)' })
  @IsOptional()
  @IsInt({ message: 'amountFen must be an integer number of fen' })
  @Min(1)
  @Max(100_000_000_000)
  amountFen?: number;
}

export class VoidInvoiceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class PayoutDto {
  @ApiProperty({ description: 'fen paid to the cooperative' })
  @IsInt({ message: 'amountFen must be an integer number of fen' })
  @Min(1)
  @Max(100_000_000_000)
  amountFen!: number;
  @ApiProperty({ description: 'your reference for this payout (the bank transfer number); recording it again changes nothing', example: 'PAYOUT-2026-12-001' })
  @IsString({ message: 'reference must be a string' })
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'reference must be 1-100 visible ASCII characters' })
  reference!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ReconciliationRequestDto {
  @ApiPropertyOptional({ description: 'how many days back to compare (default 7)' })
  @IsOptional()
  @IsInt({ message: 'days must be an integer' })
  @Min(1)
  @Max(90)
  days?: number;
}
