import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsDateString,
} from 'class-validator';
import { INCOME_MODES, STORAGE_CLASSES } from '@shanhai/domain';
import type { IncomeMode, StorageClass } from '@shanhai/domain';
import { DIVISION_CODE } from '../identity/identity.dto';
import { ISO_DAY } from '../places/places.dto';
import { toBool, toInt } from '../common/transforms';

const MAX_FEN = 100_000_000_00; // ¥100 million per unit: far above any produce price, far below overflow

export class CategoryDto {
  @ApiProperty({ example: 'vegetables' }) @Matches(/^[a-z][a-z0-9_-]{1,39}$/, { message: 'code must be 2-40 lower-case letters, digits, _ or -' }) code!: string;
  @ApiProperty({ example: '蔬菜' }) @IsString() @Length(1, 100) nameZh!: string;
  @ApiProperty({ example: 'Vegetables' }) @IsString() @Length(1, 100) nameEn!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) nameZh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
}

export class ProductDto {
  @ApiProperty({ example: 'potatoes' }) @IsString() @Length(1, 40) categoryCode!: string;
  @ApiProperty({ example: '629801', description: 'county where it is produced' })
  @Matches(DIVISION_CODE, { message: 'originCountyCode must be a six-digit GB/T 2260 code' })
  originCountyCode!: string;
  @ApiProperty({ example: '高山黄心土豆' }) @IsString() @Length(1, 200) nameZh!: string;
  @ApiPropertyOptional({ example: 'Highland yellow potatoes' }) @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) descriptionZh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) descriptionEn?: string;
  @ApiPropertyOptional({ example: '一级' }) @IsOptional() @IsString() @MaxLength(100) grade?: string;
  @ApiPropertyOptional({ example: '单果 200-300g' }) @IsOptional() @IsString() @MaxLength(200) spec?: string;
  @ApiProperty({ enum: STORAGE_CLASSES }) @IsIn(STORAGE_CLASSES) storageClass!: StorageClass;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) shelfLifeDays?: number;
  @ApiPropertyOptional({ type: [Number], description: 'months in season, 1-12' })
  @IsOptional() @IsArray() @ArrayMaxSize(12) @IsInt({ each: true }) @Min(1, { each: true }) @Max(12, { each: true })
  seasons?: number[];
  @ApiPropertyOptional({ enum: ['draft', 'active', 'archived'] }) @IsOptional() @IsIn(['draft', 'active', 'archived']) status?: 'draft' | 'active' | 'archived';
}

export class UpdateProductDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) categoryCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) nameZh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) descriptionZh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) descriptionEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) grade?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) spec?: string;
  @ApiPropertyOptional({ enum: STORAGE_CLASSES }) @IsOptional() @IsIn(STORAGE_CLASSES) storageClass?: StorageClass;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) shelfLifeDays?: number;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional() @IsArray() @ArrayMaxSize(12) @IsInt({ each: true }) @Min(1, { each: true }) @Max(12, { each: true })
  seasons?: number[];
  @ApiPropertyOptional({ enum: ['draft', 'active', 'archived'] }) @IsOptional() @IsIn(['draft', 'active', 'archived']) status?: 'draft' | 'active' | 'archived';
}

export class PriceTierDto {
  @ApiProperty({ example: 50 }) @IsInt() @Min(2) @Max(1_000_000) minQuantity!: number;
  @ApiProperty({ example: 3800, description: 'fen per unit' }) @IsInt() @Min(1) @Max(MAX_FEN) unitPriceFen!: number;
}

export class SkuDto {
  @ApiProperty({ example: 'QY-TD-10KG' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'code must be 2-64 letters, digits, . _ or -' }) code!: string;
  @ApiProperty({ example: '10公斤箱' }) @IsString() @Length(1, 50) packingUnitZh!: string;
  @ApiPropertyOptional({ example: '10 kg case' }) @IsOptional() @IsString() @MaxLength(50) packingUnitEn?: string;
  @ApiProperty({ example: 10000, description: 'net weight per unit in grams' }) @IsInt() @Min(1) @Max(100_000_000) netWeightG!: number;
  @ApiProperty({ example: 4500, description: 'price per unit in fen (integer)' }) @IsInt() @Min(1) @Max(MAX_FEN) priceFen!: number;
  @ApiPropertyOptional({ type: [PriceTierDto] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => PriceTierDto) priceTiers?: PriceTierDto[];
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minOrderQuantity?: number;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) orderMultiple?: number;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(0) @Max(365) leadTimeDays?: number;
}

export class UpdateSkuDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) packingUnitZh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) packingUnitEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100_000_000) netWeightG?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_FEN) priceFen?: number;
  @ApiPropertyOptional({ type: [PriceTierDto] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => PriceTierDto) priceTiers?: PriceTierDto[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minOrderQuantity?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) orderMultiple?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(365) leadTimeDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class LotDto {
  @ApiProperty({ description: 'production base of the supplier where it was grown' }) @IsUUID('all', { message: 'baseId must be a UUID' }) baseId!: string;
  @ApiProperty({ example: 'QY-2026-09-A' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1-64 letters, digits, . _ or -' }) code!: string;
  @ApiProperty({ example: '2026-09-15' })
  @Matches(ISO_DAY, { message: 'harvestDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'harvestDate must be a real calendar date' })
  harvestDate!: string;
  @ApiProperty({ description: 'units (of the SKU) in the lot' }) @IsInt() @Min(0) @Max(100_000_000) quantityUnits!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) inspectionNote?: string;
}

export class AdjustLotDto {
  @ApiProperty({ description: 'units still available for sale' }) @IsInt() @Min(0) @Max(100_000_000) availableUnits!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) inspectionNote?: string;
}

export class ApplyCertificationDto {
  @ApiPropertyOptional({ description: 'what the official should look at' }) @IsOptional() @IsString() @MaxLength(5000) evidence?: string;
}

export class CertificationDecisionDto {
  @ApiProperty({ enum: ['certify', 'reject'] }) @IsIn(['certify', 'reject']) decision!: 'certify' | 'reject';
  @ApiPropertyOptional({ example: '云岭帮认字〔2026〕0012号' }) @IsOptional() @IsString() @Length(1, 64) certificateNo?: string;
  @ApiPropertyOptional({ example: '青崖县农业农村局' }) @IsOptional() @IsString() @Length(1, 200) authority?: string;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional() @Matches(ISO_DAY, { message: 'validFrom must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'validFrom must be a real calendar date' })
  validFrom?: string;
  @ApiPropertyOptional({ example: '2027-12-31' })
  @IsOptional() @Matches(ISO_DAY, { message: 'validTo must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'validTo must be a real calendar date' })
  validTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) householdsReached?: number;
  @ApiPropertyOptional({ enum: INCOME_MODES, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn(INCOME_MODES, { each: true }) incomeModes?: IncomeMode[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RevokeCertificationDto {
  @ApiProperty({ description: 'stops counting from this day' })
  @Matches(ISO_DAY, { message: 'revokedOn must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'revokedOn must be a real calendar date' })
  revokedOn!: string;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class CertificationQueryDto {
  @ApiPropertyOptional({ enum: ['applied', 'certified', 'rejected', 'revoked'] }) @IsOptional() @IsIn(['applied', 'certified', 'rejected', 'revoked']) status?: string;
}

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'name'] as const;

export class CatalogQueryDto {
  @ApiPropertyOptional({ description: 'Chinese, pinyin (tudou), initials (td) or English' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'category code' }) @IsOptional() @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional({ description: 'origin province code' }) @IsOptional() @Matches(DIVISION_CODE, { message: 'province must be a six-digit GB/T 2260 code' }) province?: string;
  @ApiPropertyOptional({ description: 'origin county code' }) @IsOptional() @Matches(DIVISION_CODE, { message: 'county must be a six-digit GB/T 2260 code' }) county?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean({ message: 'certified must be true or false' }) certified?: boolean;
  @ApiPropertyOptional({ enum: STORAGE_CLASSES }) @IsOptional() @IsIn(STORAGE_CLASSES) storage?: StorageClass;
  @ApiPropertyOptional({ description: 'lowest SKU price at least this many fen' }) @IsOptional() @Transform(toInt) @IsInt({ message: 'priceMinFen must be an integer' }) @Min(0) @Max(MAX_FEN) priceMinFen?: number;
  @ApiPropertyOptional({ description: 'lowest SKU price at most this many fen' }) @IsOptional() @Transform(toInt) @IsInt({ message: 'priceMaxFen must be an integer' }) @Min(0) @Max(MAX_FEN) priceMaxFen?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean({ message: 'inStock must be true or false' }) inStock?: boolean;
  @ApiPropertyOptional({ description: 'products of one supplier' }) @IsOptional() @IsUUID('all', { message: 'supplier must be a UUID' }) supplier?: string;
  @ApiPropertyOptional({ enum: SORTS }) @IsOptional() @IsIn(SORTS) sort?: (typeof SORTS)[number];
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1) @Max(100) pageSize?: number;
}

export class SupplierProductQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'active', 'archived'] }) @IsOptional() @IsIn(['draft', 'active', 'archived']) status?: string;
}
