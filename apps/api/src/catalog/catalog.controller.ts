import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { invalid } from '../common/app-error';
import { UuidParam } from '../common/params';
import { OptionalPrincipal, Public, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { CatalogQueryDto, CategoryDto, UpdateCategoryDto } from './catalog.dto';
import { CatalogSearchService } from './catalog-search.service';
import { CategoryService } from './category.service';
import { ProductDetailService } from './product-detail.service';
import { ProductImageService } from './product-image.service';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    private readonly search: CatalogSearchService,
    private readonly details: ProductDetailService,
    private readonly categories: CategoryService,
    private readonly images: ProductImageService,
  ) {}

  @Public()
  @Get('catalog/products')
  @ApiOperation({ summary: 'Browse and search visible products with facets (Chinese, pinyin, initials, English)' })
  browse(@Query() query: CatalogQueryDto) {
    return this.search.search(query);
  }

  @Public()
  @Get('catalog/products/:id')
  @ApiOperation({ summary: 'Product page: origin, certificate, SKUs with tiers and lots' })
  product(@OptionalPrincipal() principal: Principal | undefined, @UuidParam('id') id: string) {
    return this.details.get(principal, id);
  }

  @Public()
  @Get('categories')
  listCategories() {
    return this.categories.list();
  }

  @ApiBearerAuth()
  @Roles('operator')
  @Post('categories')
  createCategory(@Body() dto: CategoryDto) {
    return this.categories.create(dto);
  }

  @ApiBearerAuth()
  @Roles('operator')
  @Patch('categories/:id')
  updateCategory(
    @Param('id', new ParseIntPipe({ exceptionFactory: () => invalid('id', 'must be an integer') })) id: number,
    @Body() dto: UpdateCategoryDto,
  ) {
    return this.categories.update(id, dto);
  }

  @Public()
  @Get('images/:id')
  async image(@UuidParam('id') id: string, @Res() res: Response): Promise<void> {
    const { body, contentType } = await this.images.read(id);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'public, max-age=86400, immutable');
    res.send(body);
  }
}
