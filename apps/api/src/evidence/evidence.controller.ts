import { Controller, Delete, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UuidParam } from '../common/params';
import { CurrentPrincipal } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { EvidenceDocumentView, EvidenceUploadQueryDto } from './evidence.dto';
import { EvidenceService } from './evidence.service';

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
const FILENAME_HEADER = {
  name: 'X-Filename',
  required: false,
  description: 'the original file name, percent-encoded UTF-8 (encodeURIComponent), e.g. %E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf',
};

/**
 * Evidence documents (证明材料) of certification applications and supplier organisations: PDF, JPEG, PNG or WebP,
 * at most 10 MB, uploaded as raw bytes. Scope is checked in the service: strangers get 404, readers without the
 * uploading role 403.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('certifications/:id/documents')
  @ApiConsumes(...DOCUMENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader(FILENAME_HEADER)
  @ApiOkResponse({ type: EvidenceDocumentView })
  @ApiOperation({ summary: "Supplier staff: attach a document to an application waiting for a decision (raw bytes, at most 10 MB)" })
  uploadForCertification(
    @CurrentPrincipal() p: Principal,
    @UuidParam('id') id: string,
    @Query() query: EvidenceUploadQueryDto,
    @Headers('x-filename') filename: string | undefined,
    @Req() req: Request,
  ) {
    return this.evidence.uploadForCertification(p, id, { body: req.body, kind: query.kind, filenameHeader: filename, filenameQuery: query.filename });
  }

  @Get('certifications/:id/documents')
  @ApiOkResponse({ type: EvidenceDocumentView, isArray: true })
  @ApiOperation({ summary: "An application's documents: its supplier, officials of the product's county, the operator" })
  listForCertification(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.evidence.listForCertification(p, id);
  }

  @Post('organisations/:id/documents')
  @ApiConsumes(...DOCUMENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader(FILENAME_HEADER)
  @ApiOkResponse({ type: EvidenceDocumentView })
  @ApiOperation({ summary: 'Supplier admin: attach a verification document (business licence, …) to the organisation (raw bytes, at most 10 MB)' })
  uploadForOrganisation(
    @CurrentPrincipal() p: Principal,
    @UuidParam('id') id: string,
    @Query() query: EvidenceUploadQueryDto,
    @Headers('x-filename') filename: string | undefined,
    @Req() req: Request,
  ) {
    return this.evidence.uploadForOrganisation(p, id, { body: req.body, kind: query.kind, filenameHeader: filename, filenameQuery: query.filename });
  }

  @Get('organisations/:id/documents')
  @ApiOkResponse({ type: EvidenceDocumentView, isArray: true })
  @ApiOperation({ summary: "A supplier's verification documents: its members, officials governing its county, the operator" })
  listForOrganisation(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.evidence.listForOrganisation(p, id);
  }

  @Get('documents/:id')
  @ApiProduces(...DOCUMENT_TYPES)
  @ApiOperation({ summary: 'The bytes of a document, with its type and file name (Content-Disposition)' })
  async read(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Res() res: Response): Promise<void> {
    const { body, contentType, filename } = await this.evidence.read(p, id);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', contentDisposition(filename));
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: "The supplier's uploaders: remove a document the officials have not decided with yet" })
  async delete(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.evidence.delete(p, id);
  }
}

/** `inline` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187), so 营业执照.pdf is saved as such. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
