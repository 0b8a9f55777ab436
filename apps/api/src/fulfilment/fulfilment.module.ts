import { Module } from '@nestjs/common';
import { OrderingModule } from '../ordering/ordering.module';
import { StorageModule } from '../storage/storage.module';
import { DecisionService } from './decision.service';
import { EvaluationService } from './evaluation.service';
import { ReceiptPhotoService } from './receipt-photo.service';
import { ReceiptController } from './receipt.controller';
import { ReceiptService } from './receipt.service';
import { ShipmentService } from './shipment.service';
import { SupplierOrderController } from './supplier-order.controller';
import { SupplierOrderRepository } from './supplier-order.repository';
import { SupplierOrderService } from './supplier-order.service';
import { SupplierOrderViewRepository } from './supplier-order-view.repository';

/** Fulfilment and acceptance: cooperatives decide, pick and ship; buyers receive, report shortfalls and evaluate. */
@Module({
  imports: [OrderingModule, StorageModule],
  controllers: [SupplierOrderController, ReceiptController],
  providers: [SupplierOrderRepository, SupplierOrderViewRepository, SupplierOrderService, DecisionService, ShipmentService, ReceiptService, EvaluationService, ReceiptPhotoService],
})
export class FulfilmentModule {}
