import { CategoryEntity, CertificationEntity, LotEntity, ProductEntity, ProductImageEntity, SkuEntity } from './catalog.entity';
import { DeliverySiteEntity, MembershipEntity, OrganisationEntity, ProductionBaseEntity, SessionEntity, UserEntity } from './identity.entity';
import { DivisionEntity, PairingCountyEntity, PairingEntity } from './places.entity';
import { WorkerHeartbeatEntity } from './worker.entity';
import { EvidenceDocumentEntity } from './evidence.entity';
import { ReservedShareFilingEntity, StatAttributionEntity, StatDailyEntity, StatEventLedgerEntity, StatMonthlyEntity, StatRecomputeRunEntity, StatTargetEntity, StatWatermarkEntity } from './statistics.entity';
import { BuyerOrderEntity, CartEntity, CartItemEntity, IdempotencyKeyEntity, LineAllocationEntity, OrderLineEntity, OutboxEventEntity, SupplierOrderEntity } from './ordering.entity';
import { AgreementDeliveryChangeEntity, AgreementDeliveryEntity, AgreementEntity, AgreementHoldEntity, AgreementPauseEntity, AgreementVersionEntity, CommitmentEntity } from './agreements.entity';
import { ClaimEntity, CreditNoteEntity, InvoiceEntity, PaymentEntity, PaymentReconciliationReportEntity, RefundEntity, SettlementEntryEntity, StripeEventEntity } from './payments.entity';

export * from './catalog.entity';
export * from './identity.entity';
export * from './places.entity';
export * from './worker.entity';
export * from './ordering.entity';
export * from './payments.entity';
export * from './statistics.entity';
export * from './agreements.entity';
export * from './evidence.entity';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  DeliverySiteEntity,
  ProductionBaseEntity,
  DivisionEntity,
  PairingEntity,
  PairingCountyEntity,
  CategoryEntity,
  ProductEntity,
  ProductImageEntity,
  SkuEntity,
  LotEntity,
  CertificationEntity,
  WorkerHeartbeatEntity,
  CartEntity,
  CartItemEntity,
  BuyerOrderEntity,
  SupplierOrderEntity,
  OrderLineEntity,
  LineAllocationEntity,
  IdempotencyKeyEntity,
  OutboxEventEntity,
  PaymentEntity,
  ClaimEntity,
  RefundEntity,
  InvoiceEntity,
  CreditNoteEntity,
  StripeEventEntity,
  SettlementEntryEntity,
  PaymentReconciliationReportEntity,
  StatAttributionEntity,
  StatDailyEntity,
  StatMonthlyEntity,
  StatEventLedgerEntity,
  StatWatermarkEntity,
  StatRecomputeRunEntity,
  StatTargetEntity,
  ReservedShareFilingEntity,
  AgreementEntity,
  AgreementVersionEntity,
  AgreementPauseEntity,
  AgreementDeliveryChangeEntity,
  AgreementHoldEntity,
  AgreementDeliveryEntity,
  CommitmentEntity,
  EvidenceDocumentEntity,
];
