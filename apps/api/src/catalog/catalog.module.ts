import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { IdentityModule } from '../identity/identity.module';
import { PlacesModule } from '../places/places.module';
import { StorageModule } from '../storage/storage.module';
import { CatalogSearchService } from './catalog-search.service';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CategoryService } from './category.service';
import { CertificationController } from './certification.controller';
import { CertificationService } from './certification.service';
import { ProductDetailService } from './product-detail.service';
import { ProductImageService } from './product-image.service';
import { ProductService } from './product.service';
import { SupplierCatalogController } from './supplier-catalog.controller';

@Module({
  imports: [PlacesModule, IdentityModule, StorageModule, EvidenceModule],
  controllers: [CatalogController, SupplierCatalogController, CertificationController],
  providers: [CatalogRepository, CategoryService, CatalogSearchService, ProductDetailService, ProductService, ProductImageService, CertificationService],
  exports: [CatalogRepository, CategoryService, ProductService],
})
export class CatalogModule {}
