import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DIVISION_CODE } from '../identity/identity.dto';

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PairingCountyDto {
  @ApiProperty({ example: '629801' })
  @Matches(DIVISION_CODE, { message: 'countyCode must be a six-digit GB/T 2260 code' })
  countyCode!: string;
  @ApiPropertyOptional({ description: 'defaults to the pairing start' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'validFrom must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'validFrom must be a real calendar date' })
  validFrom?: string;
  @ApiPropertyOptional({ description: 'inclusive; open-ended when absent' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'validTo must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'validTo must be a real calendar date' })
  validTo?: string;
}

export class CreatePairingDto {
  @ApiProperty({ example: '东澜市—云岭州东西部协作' }) @IsString() @Length(2, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @ApiProperty({ description: 'the eastern city or province (helping side)', example: '339800' })
  @Matches(DIVISION_CODE, { message: 'eastDivisionCode must be a six-digit GB/T 2260 code' })
  eastDivisionCode!: string;
  @ApiProperty({ example: '2021-01-01' })
  @Matches(ISO_DAY, { message: 'validFrom must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'validFrom must be a real calendar date' })
  validFrom!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ISO_DAY, { message: 'validTo must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'validTo must be a real calendar date' })
  validTo?: string;
  @ApiProperty({ type: [PairingCountyDto] })
  @ValidateNested({ each: true })
  @Type(() => PairingCountyDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  counties!: PairingCountyDto[];
}

export class HelpedQueryDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD; today when absent' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'on must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'on must be a real calendar date' })
  on?: string;
}

export class DivisionQueryDto {
  @ApiPropertyOptional({ description: 'children of this division; provinces when absent' })
  @IsOptional()
  @Matches(DIVISION_CODE, { message: 'parent must be a six-digit GB/T 2260 code' })
  parent?: string;
}
