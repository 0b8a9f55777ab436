import { CategoryEntity, CertificationEntity, LotEntity, ProductEntity, ProductImageEntity, SkuEntity } from './catalog.entity';
import { DeliverySiteEntity, MembershipEntity, OrganisationEntity, ProductionBaseEntity, SessionEntity, UserEntity } from './identity.entity';
import { DivisionEntity, PairingCountyEntity, PairingEntity } from './places.entity';
import { WorkerHeartbeatEntity } from './worker.entity';

export * from './catalog.entity';
export * from './identity.entity';
export * from './places.entity';
export * from './worker.entity';

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
];
