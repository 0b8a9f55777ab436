import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './identity.entity';

/** Whose evidence a document is: a certification application or a supplier organisation's verification. */
export type EvidenceOwnerKind = 'certification' | 'organisation';

/**
 * 证明材料: a file (PDF, JPEG, PNG or WebP) an official reads before certifying a product or verifying a supplier.
 * The bytes live in the object storage under `storage_key`; this row says whose it is and what it is.
 */
@Entity('evidence_documents')
@Index(['ownerKind', 'ownerId', 'createdAt'])
@Check('chk_evidence_documents_owner_kind', `"owner_kind" IN ('certification', 'organisation')`)
@Check('chk_evidence_documents_byte_size', '"byte_size" > 0')
export class EvidenceDocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'owner_kind', type: 'varchar', length: 16 }) ownerKind!: EvidenceOwnerKind;
  /** The certification's or the organisation's id (no foreign key: the owner table depends on the kind). */
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId!: string;
  /** The supplier organisation the document concerns (the uploader's organisation): scope checks start here. */
  @Index()
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'supplier_id' })
  supplier?: OrganisationEntity;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'varchar', length: 200 }) filename!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 64 }) contentType!: string;
  @Column({ name: 'byte_size', type: 'integer' }) byteSize!: number;
  @Column({ name: 'storage_key', type: 'varchar', length: 300 }) storageKey!: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
