import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { EvaluationService } from './evaluation.service';
import { EvaluationDto, ReceiptDto } from './fulfilment.dto';
import { ReceiptPhotoService } from './receipt-photo.service';
import { ReceiptService } from './receipt.service';

@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller()
export class ReceiptController {
  constructor(
    private readonly receipts: ReceiptService,
    private readonly evaluations: EvaluationService,
    private readonly photos: ReceiptPhotoService,
  ) {}

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('supplier-orders/:id/receipt')
  @HttpCode(200)
  @ApiOperation({ summary: 'Buyer: record what arrived for every accepted line; short and damaged units are refunded or credited' })
  receive(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: ReceiptDto) {
    return this.receipts.receive(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('supplier-orders/:id/evaluation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Buyer: rate a received supplier order, once' })
  evaluate(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: EvaluationDto) {
    return this.evaluations.evaluate(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('order-lines/:id/receipt-photo')
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Buyer: a photo of what arrived short or damaged (raw bytes, at most 5 MB; replaces an earlier one)' })
  uploadPhoto(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Req() req: Request) {
    return this.photos.upload(p, id, req.body);
  }

  @Get('order-lines/:id/receipt-photo')
  @ApiOperation({ summary: "The receipt photo of a line: the buyer's members and the cooperative" })
  async photo(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Res() res: Response): Promise<void> {
    const { body, contentType } = await this.photos.read(p, id);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }
}
