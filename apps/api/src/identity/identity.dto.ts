import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BUYER_TYPES, ROLES, SUPPLIER_TYPES } from '@shanhai/domain';
import type { BuyerType, Role, SupplierType } from '@shanhai/domain';

export const DIVISION_CODE = /^[1-9]\d{5}$/;
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export class NewOrganisationDto {
  @ApiProperty({ enum: ['buyer', 'supplier'] })
  @IsIn(['buyer', 'supplier'])
  kind!: 'buyer' | 'supplier';

  @ApiProperty({ example: '东澜市第一中学' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'Donglan No. 1 Middle School' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ description: '统一社会信用代码 (GB 32100), 18 characters; required for buyers' })
  @ValidateIf((o: NewOrganisationDto) => o.kind === 'buyer' || o.creditCode !== undefined)
  @Matches(CREDIT_CODE, { message: 'creditCode must be 18 characters of 0-9 and A-Y without I, O, S, V, Z' })
  creditCode?: string;

  @ApiPropertyOptional({ enum: BUYER_TYPES })
  @ValidateIf((o: NewOrganisationDto) => o.kind === 'buyer')
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;

  @ApiPropertyOptional({ enum: SUPPLIER_TYPES })
  @ValidateIf((o: NewOrganisationDto) => o.kind === 'supplier')
  @IsIn(SUPPLIER_TYPES)
  supplierType?: SupplierType;

  @ApiPropertyOptional({ description: 'supplier: the GB/T 2260 county it is registered in', example: '629801' })
  @ValidateIf((o: NewOrganisationDto) => o.kind === 'supplier')
  @Matches(DIVISION_CODE, { message: 'countyCode must be a six-digit GB/T 2260 code' })
  countyCode?: string;
}

export class SignUpDto {
  @ApiProperty({ example: 'buyer@example.cn' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: '王老师' })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: string;

  @ApiPropertyOptional({ type: NewOrganisationDto, description: 'create a buyer or supplier organisation with you as its admin' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewOrganisationDto)
  organisation?: NewOrganisationDto;
}

export class SignInDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ enum: ['buyer', 'supplier', 'jurisdiction', 'operator'] })
  @IsIn(['buyer', 'supplier', 'jurisdiction', 'operator'])
  kind!: 'buyer' | 'supplier' | 'jurisdiction' | 'operator';

  @ApiProperty() @IsString() @Length(2, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) nameEn?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'buyer' || o.creditCode !== undefined)
  @Matches(CREDIT_CODE, { message: 'creditCode must be 18 characters of 0-9 and A-Y without I, O, S, V, Z' })
  creditCode?: string;

  @ApiPropertyOptional({ enum: BUYER_TYPES })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'buyer')
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;

  @ApiPropertyOptional({ enum: SUPPLIER_TYPES })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'supplier')
  @IsIn(SUPPLIER_TYPES)
  supplierType?: SupplierType;

  @ApiPropertyOptional({ description: 'supplier county, or the division a jurisdiction governs' })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'supplier' || o.kind === 'jurisdiction' || o.divisionCode !== undefined)
  @Matches(DIVISION_CODE, { message: 'divisionCode must be a six-digit GB/T 2260 code' })
  divisionCode?: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactName?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9+\- ]{5,32}$/, { message: 'contactPhone must be digits, +, - or spaces' }) contactPhone?: string;
  @ApiPropertyOptional({ enum: BUYER_TYPES }) @IsOptional() @IsIn(BUYER_TYPES) buyerType?: BuyerType;
  @ApiPropertyOptional({ description: 'supplier: linked lifted (脱贫户) households' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) householdsLifted?: number;
  @ApiPropertyOptional({ description: 'supplier: linked monitored (监测户) households' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) householdsMonitored?: number;
  @ApiPropertyOptional({ description: 'supplier: linked at-risk (易返贫致贫户) households' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) householdsAtRisk?: number;
}

export class VerificationDecisionDto {
  @ApiProperty({ enum: ['verified', 'rejected'] }) @IsIn(['verified', 'rejected']) decision!: 'verified' | 'rejected';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AddMemberDto {
  @ApiProperty() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
}

export class OrganisationQueryDto {
  @ApiPropertyOptional({ enum: ['buyer', 'supplier', 'jurisdiction', 'operator'] })
  @IsOptional()
  @IsIn(['buyer', 'supplier', 'jurisdiction', 'operator'])
  kind?: string;

  @ApiPropertyOptional({ enum: ['pending', 'verified', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'verified', 'rejected'])
  verificationStatus?: string;
}

export class DeliverySiteDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @IsString() @Length(1, 500) address!: string;
  @ApiProperty({ example: '339801' })
  @Matches(DIVISION_CODE, { message: 'countyCode must be a six-digit GB/T 2260 code' })
  countyCode!: string;
  @ApiPropertyOptional({ example: '06:00-09:00' }) @IsOptional() @IsString() @MaxLength(100) receivingHours?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactName?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9+\- ]{5,32}$/, { message: 'contactPhone must be digits, +, - or spaces' }) contactPhone?: string;
}

export class ProductionBaseDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty() @Matches(DIVISION_CODE, { message: 'countyCode must be a six-digit GB/T 2260 code' }) countyCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ description: 'area in square metres' }) @IsOptional() @IsInt() @Min(1) @Max(2_000_000_000) areaM2?: number;
}
