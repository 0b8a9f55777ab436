import { Body, Controller, Get, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { AdjustLotDto, LotDto, ProductDto, SkuDto, SupplierProductQueryDto, UpdateProductDto, UpdateSkuDto } from './catalog.dto';
import { ProductImageService } from './product-image.service';
import { ProductService } from './product.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Roles('supplier_staff', 'supplier_admin', 'operator')
@Controller()
export class SupplierCatalogController {
  constructor(
    private readonly products: ProductService,
    private readonly images: ProductImageService,
  ) {}

  @Roles('supplier_staff', 'supplier_admin', 'operator', 'official')
  @Get('suppliers/:supplierId/products')
  @ApiOperation({ summary: "A supplier's products, drafts included: its staff, the operator, officials governing its county" })
  list(@CurrentPrincipal() p: Principal, @UuidParam('supplierId') supplierId: string, @Query() query: SupplierProductQueryDto) {
    return this.products.listOwn(p, supplierId, query);
  }

  @Post('suppliers/:supplierId/products')
  create(@CurrentPrincipal() p: Principal, @UuidParam('supplierId') supplierId: string, @Body() dto: ProductDto) {
    return this.products.create(p, supplierId, dto);
  }

  @Patch('products/:id')
  update(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: UpdateProductDto) {
    return this.products.update(p, id, dto);
  }

  @Post('products/:id/skus')
  addSku(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: SkuDto) {
    return this.products.addSku(p, id, dto);
  }

  @Patch('skus/:id')
  updateSku(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: UpdateSkuDto) {
    return this.products.updateSku(p, id, dto);
  }

  @Get('skus/:id/lots')
  lots(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.products.lots(p, id);
  }

  @Post('skus/:id/lots')
  @ApiOperation({ summary: 'Record a harvest lot; its units become stock of the SKU' })
  addLot(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: LotDto) {
    return this.products.addLot(p, id, dto);
  }

  @Patch('lots/:id')
  adjustLot(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: AdjustLotDto) {
    return this.products.adjustLot(p, id, dto);
  }

  @Post('products/:id/images')
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Upload an image (raw bytes, at most 5 MB)' })
  upload(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Req() req: Request) {
    return this.images.upload(p, id, req.body);
  }
}
