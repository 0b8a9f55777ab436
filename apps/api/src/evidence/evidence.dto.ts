import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const EVIDENCE_KINDS = ['business_licence', 'origin_proof', 'inspection_report', 'household_agreement', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Query of an upload: what the document is and, when no `X-Filename` header is sent, its name. */
export class EvidenceUploadQueryDto {
  @ApiProperty({ enum: EVIDENCE_KINDS, description: '营业执照, 产地证明, 检测报告, 联农带农协议, 其他' })
  @IsIn(EVIDENCE_KINDS, { message: `kind must be one of ${EVIDENCE_KINDS.join(', ')}` })
  kind!: EvidenceKind;

  @ApiPropertyOptional({ description: 'the original file name (the X-Filename header, percent-encoded UTF-8, wins)', example: '营业执照.pdf' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  filename?: string;
}

/** One evidence document as listed; the bytes are at `url`. */
export class EvidenceDocumentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['certification', 'organisation'] }) ownerKind!: 'certification' | 'organisation';
  @ApiProperty({ format: 'uuid', description: 'the certification or organisation the document belongs to' }) ownerId!: string;
  @ApiProperty({ format: 'uuid' }) supplierId!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: EvidenceKind;
  @ApiProperty({ example: '营业执照.pdf' }) filename!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] }) contentType!: string;
  @ApiProperty({ description: 'bytes' }) byteSize!: number;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '/api/documents/…', description: 'the bytes (with the bearer token)' }) url!: string;
  @ApiProperty({ description: 'the caller may delete it: its own organisation, not reviewed yet' }) deletable!: boolean;
}
