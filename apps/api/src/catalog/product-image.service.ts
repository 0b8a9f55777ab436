import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProductImageEntity } from '@shanhai/persistence';
import { invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { ObjectStorage, sniffImageType } from '../storage/object-storage';
import { ProductService } from './product.service';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_IMAGES_PER_PRODUCT = 12;

@Injectable()
export class ProductImageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly products: ProductService,
    private readonly storage: ObjectStorage,
  ) {}

  async upload(principal: Principal, productId: string, body: unknown): Promise<{ id: string; url: string; contentType: string }> {
    if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('body', 'send the image bytes with Content-Type image/jpeg, image/png or image/webp');
    if (body.length > MAX_IMAGE_BYTES) throw invalid('body', 'images are at most 5 MB');
    const contentType = sniffImageType(body);
    if (!contentType) throw invalid('body', 'not a JPEG, PNG or WebP image');
    const product = await this.products.ownProduct(this.db.manager, principal, productId, false);
    const count = await this.db.getRepository(ProductImageEntity).count({ where: { productId } });
    if (count >= MAX_IMAGES_PER_PRODUCT) throw invalid('body', `a product has at most ${MAX_IMAGES_PER_PRODUCT} images`);
    const id = randomUUID();
    const key = `products/${product.id}/${id}`;
    await this.storage.put(key, body, contentType);
    await this.db.getRepository(ProductImageEntity).insert({ id, productId, storageKey: key, contentType, byteSize: body.length, sortOrder: count });
    return { id, url: `/api/images/${id}`, contentType };
  }

  async read(id: string): Promise<{ body: Buffer; contentType: string }> {
    const image = await this.db.getRepository(ProductImageEntity).findOne({ where: { id } });
    const body = image ? await this.storage.get(image.storageKey) : null;
    if (!image || !body) throw notFound('image', id);
    return { body, contentType: image.contentType };
  }
}
