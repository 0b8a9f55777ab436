import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { conflict, invalid, notFound } from '../common/app-error';
import { MAX_IMAGE_BYTES } from '../catalog/product-image.service';
import { Principal } from '../identity/principal';
import { ObjectStorage, sniffImageType } from '../storage/object-storage';
import { canRead, RECEIVING_ROLES } from './fulfilment-access';
import { SupplierOrderRepository } from './supplier-order.repository';

export interface ReceiptPhoto {
  orderLineId: string;
  url: string;
  contentType: string;
}

/**
 * A photo of what arrived short or damaged, one per line (a new upload replaces it): the buyer adds
 * it once the goods have shipped; the buyer's members and the cooperative can look at it.
 */
@Injectable()
export class ReceiptPhotoService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: SupplierOrderRepository,
    private readonly storage: ObjectStorage,
  ) {}

  async upload(principal: Principal, lineId: string, body: unknown): Promise<ReceiptPhoto> {
    const line = await this.orders.lineRef(this.db.manager, lineId);
    if (!line || !principal.isMemberOf(line.order.buyerOrganisationId)) throw notFound('order line', lineId);
    principal.requireOrgRole(line.order.buyerOrganisationId, RECEIVING_ROLES);
    if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('body', 'send the photo bytes with Content-Type image/jpeg, image/png or image/webp');
    if (body.length > MAX_IMAGE_BYTES) throw invalid('body', 'photos are at most 5 MB');
    const contentType = sniffImageType(body);
    if (!contentType) throw invalid('body', 'not a JPEG, PNG or WebP image');
    const status = line.supplierOrderStatus;
    if (status !== 'shipped' && status !== 'received') {
      throw conflict('NOT_SHIPPED', `a photo of what arrived can be added once the goods have shipped; this supplier order is ${status}`, { currentStatus: status });
    }
    if (line.lineStatus !== 'accepted') throw conflict('LINE_REJECTED', 'the cooperative rejected this line; nothing was delivered for it', { currentStatus: status });
    const key = `receipts/${line.order.buyerOrderId}/${lineId}/${randomUUID()}`;
    await this.storage.put(key, body, contentType);
    await this.orders.setReceiptPhoto(this.db.manager, lineId, key);
    return { orderLineId: lineId, url: `/api/order-lines/${lineId}/receipt-photo`, contentType };
  }

  async read(principal: Principal, lineId: string): Promise<{ body: Buffer; contentType: string }> {
    const line = await this.orders.lineRef(this.db.manager, lineId);
    if (!line || !canRead(principal, line.order)) throw notFound('order line', lineId);
    const body = line.receiptPhotoKey ? await this.storage.get(line.receiptPhotoKey) : null;
    if (!body) throw notFound('receipt photo', lineId);
    return { body, contentType: sniffImageType(body) ?? 'application/octet-stream' };
  }
}
