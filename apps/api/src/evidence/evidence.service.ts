import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@shanhai/domain';
import { CertificationEntity, EvidenceDocumentEntity, OrganisationEntity } from '@shanhai/persistence';
import type { EvidenceOwnerKind } from '@shanhai/persistence';
import { readsCertification } from '../catalog/certification-access';
import { AppError, conflict, invalid, notFound } from '../common/app-error';
import { OrganisationService } from '../identity/organisation.service';
import { Principal } from '../identity/principal';
import { ObjectStorage, sniffDocumentType } from '../storage/object-storage';
import { EvidenceDocumentView, EvidenceKind } from './evidence.dto';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_OWNER = 20;
const MAX_FILENAME_LENGTH = 200;
const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** What a document hangs on, once the caller may read it. */
interface Owner {
  readonly kind: EvidenceOwnerKind;
  readonly id: string;
  readonly supplierId: string;
  /** Roles in the supplier that upload and delete. */
  readonly uploadRoles: readonly Role[];
  /** An application's status. */
  readonly status?: string;
  /** Whether the officials have not yet reviewed a document uploaded at `createdAt`. */
  pending(createdAt: Date): boolean;
}

/**
 * 证明材料: files officials read before certifying a product or verifying a supplier. The bytes go to the same
 * object storage as product photos; the type is sniffed from the bytes, never taken from Content-Type.
 * Readers: the supplier's members, officials governing the county, the operator; anyone else gets 404.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationService,
    private readonly storage: ObjectStorage,
  ) {}

  async listForCertification(principal: Principal, certificationId: string): Promise<EvidenceDocumentView[]> {
    return this.list(principal, await this.certificationOwner(principal, certificationId));
  }

  async listForOrganisation(principal: Principal, organisationId: string): Promise<EvidenceDocumentView[]> {
    return this.list(principal, await this.organisationOwner(principal, organisationId));
  }

  async uploadForCertification(principal: Principal, certificationId: string, upload: DocumentUpload): Promise<EvidenceDocumentView> {
    const owner = await this.certificationOwner(principal, certificationId);
    principal.requireOrgRole(owner.supplierId, owner.uploadRoles);
    if (owner.status !== 'applied') {
      throw conflict('APPLICATION_NOT_PENDING', `documents are added while the application waits for a decision; it is ${owner.status}`, { currentStatus: owner.status });
    }
    return this.upload(principal, owner, upload);
  }

  async uploadForOrganisation(principal: Principal, organisationId: string, upload: DocumentUpload): Promise<EvidenceDocumentView> {
    const owner = await this.organisationOwner(principal, organisationId);
    principal.requireOrgRole(owner.supplierId, owner.uploadRoles);
    return this.upload(principal, owner, upload);
  }

  /** The bytes of a document, for whoever may read its owner. */
  async read(principal: Principal, id: string): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const doc = await this.db.getRepository(EvidenceDocumentEntity).findOne({ where: { id } });
    if (!doc) throw notFound('document', id);
    await this.ownerOf(principal, doc);
    const body = await this.storage.get(doc.storageKey);
    if (!body) throw notFound('document', id);
    return { body, contentType: doc.contentType, filename: doc.filename };
  }

  /** The supplier's uploaders remove a document the officials have not reviewed yet. */
  async delete(principal: Principal, id: string): Promise<void> {
    const doc = await this.db.getRepository(EvidenceDocumentEntity).findOne({ where: { id } });
    if (!doc) throw notFound('document', id);
    const owner = await this.ownerOf(principal, doc);
    principal.requireOrgRole(owner.supplierId, owner.uploadRoles);
    if (!owner.pending(doc.createdAt)) {
      throw conflict('DOCUMENT_REVIEWED', 'the officials have decided with this document; it stays on record');
    }
    await this.db.getRepository(EvidenceDocumentEntity).delete({ id });
    await this.storage.delete(doc.storageKey);
  }

  private async list(principal: Principal, owner: Owner): Promise<EvidenceDocumentView[]> {
    const docs = await this.db.getRepository(EvidenceDocumentEntity).find({
      where: { ownerKind: owner.kind, ownerId: owner.id },
      order: { createdAt: 'ASC' },
    });
    return docs.map((d) => this.view(principal, owner, d));
  }

  private async upload(principal: Principal, owner: Owner, upload: DocumentUpload): Promise<EvidenceDocumentView> {
    const { body } = upload;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw invalid('body', 'send the file as raw bytes (Content-Type application/pdf, image/jpeg, image/png or image/webp)');
    }
    if (body.length > MAX_DOCUMENT_BYTES) throw tooLarge();
    const contentType = sniffDocumentType(body);
    if (!contentType) throw invalid('body', 'not a PDF, JPEG, PNG or WebP file');
    const filename = documentFilename(upload.filenameHeader, upload.filenameQuery) ?? `${upload.kind}.${EXTENSIONS[contentType]}`;
    const repo = this.db.getRepository(EvidenceDocumentEntity);
    const count = await repo.count({ where: { ownerKind: owner.kind, ownerId: owner.id } });
    if (count >= MAX_DOCUMENTS_PER_OWNER) throw invalid('body', `at most ${MAX_DOCUMENTS_PER_OWNER} documents each; delete one first`);
    const id = randomUUID();
    const storageKey = `evidence/${owner.kind}/${owner.id}/${id}`;
    await this.storage.put(storageKey, body, contentType);
    const doc = await repo.save(
      repo.create({
        id,
        ownerKind: owner.kind,
        ownerId: owner.id,
        supplierId: owner.supplierId,
        kind: upload.kind,
        filename,
        contentType,
        byteSize: body.length,
        storageKey,
        uploadedBy: principal.userId,
      }),
    );
    return this.view(principal, owner, doc);
  }

  private view(principal: Principal, owner: Owner, d: EvidenceDocumentEntity): EvidenceDocumentView {
    const uploader = owner.uploadRoles.some((r) => principal.rolesIn(owner.supplierId).includes(r));
    return {
      id: d.id,
      ownerKind: d.ownerKind,
      ownerId: d.ownerId,
      supplierId: d.supplierId,
      kind: d.kind as EvidenceKind,
      filename: d.filename,
      contentType: d.contentType,
      byteSize: d.byteSize,
      uploadedBy: d.uploadedBy,
      createdAt: d.createdAt.toISOString(),
      url: `/api/documents/${d.id}`,
      deletable: uploader && owner.pending(d.createdAt),
    };
  }

  private async ownerOf(principal: Principal, doc: EvidenceDocumentEntity): Promise<Owner> {
    try {
      return doc.ownerKind === 'certification'
        ? await this.certificationOwner(principal, doc.ownerId)
        : await this.organisationOwner(principal, doc.ownerId);
    } catch (err) {
      // The document's id must not reveal that its owner exists.
      if (err instanceof AppError && err.status === HttpStatus.NOT_FOUND) throw notFound('document', doc.id);
      throw err;
    }
  }

  /** An application: its supplier's members, officials of the product's county (or above), the operator. */
  private async certificationOwner(principal: Principal, id: string): Promise<Owner> {
    const cert = await this.db.getRepository(CertificationEntity).findOne({ where: { id } });
    if (!cert || !readsCertification(principal, cert)) throw notFound('certification', id);
    const open = cert.status === 'applied';
    return {
      kind: 'certification',
      id,
      supplierId: cert.supplierId,
      uploadRoles: ['supplier_staff', 'supplier_admin'],
      status: cert.status,
      pending: () => open,
    };
  }

  /** A supplier: its members, officials governing its county, the operator; its admin uploads. */
  private async organisationOwner(principal: Principal, id: string): Promise<Owner> {
    const org: OrganisationEntity = await this.organisations.get(principal, id);
    if (org.kind !== 'supplier') throw invalid('id', 'only supplier organisations keep evidence documents');
    // A document is pending until an official decides on the supplier after it was uploaded.
    const decidedAt = org.verificationStatus === 'pending' ? null : org.verifiedAt;
    return {
      kind: 'organisation',
      id,
      supplierId: id,
      uploadRoles: ['supplier_admin'],
      pending: (createdAt) => decidedAt === null || createdAt > decidedAt,
    };
  }
}

export interface DocumentUpload {
  readonly body: unknown;
  readonly kind: EvidenceKind;
  readonly filenameHeader?: string | string[];
  readonly filenameQuery?: string;
}

export const tooLarge = (): AppError =>
  new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', 'body: documents are at most 10 MB', [{ field: 'body', reason: 'documents are at most 10 MB' }]);

/**
 * The original name, from `X-Filename` (percent-encoded UTF-8, so 营业执照.pdf survives HTTP headers) or `?filename=`:
 * the last path segment, without control characters, at most 200 characters. `undefined` when none was given.
 */
export function documentFilename(header: string | string[] | undefined, query: string | undefined): string | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  let name: string | undefined;
  if (raw !== undefined && raw !== '') {
    try {
      name = decodeURIComponent(raw);
    } catch {
      throw invalid('filename', 'X-Filename must be percent-encoded UTF-8');
    }
  } else if (query !== undefined) {
    name = query;
  }
  if (name === undefined) return undefined;
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalid('filename', 'must not contain control characters');
  const base = name.split(/[/\\]/).pop()?.trim() ?? '';
  if (base === '' || base === '.' || base === '..') throw invalid('filename', 'must name a file');
  if ([...base].length > MAX_FILENAME_LENGTH) throw invalid('filename', `at most ${MAX_FILENAME_LENGTH} characters`);
  return base;
}
