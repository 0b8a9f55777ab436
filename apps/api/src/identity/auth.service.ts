import type { SessionView, UserView } from '@shanhai/contract';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isValidCreditCode } from '@shanhai/domain';
import type { Role } from '@shanhai/domain';
import { MembershipEntity, OrganisationEntity, SessionEntity, UserEntity } from '@shanhai/persistence';
import { AppError, invalid, unauthorized } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DivisionService } from '../places/division.service';
import { NewOrganisationDto, SignUpDto } from './identity.dto';
import { hashPassword, verifyPassword } from './password';
import { Principal, PrincipalMembership } from './principal';





const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

// Verifying against a real hash when the user does not exist keeps sign-in timing uniform.
const DUMMY_HASH = hashPassword('not-a-real-password-shanhai');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly divisions: DivisionService,
  ) {}

  async signUp(dto: SignUpDto): Promise<SessionView> {
    const email = dto.email.trim().toLowerCase();
    if (dto.organisation) await this.checkNewOrganisation(dto.organisation);
    const passwordHash = await hashPassword(dto.password);
    const userId = await this.db.transaction(async (tx) => {
      const existing = await tx.findOne(UserEntity, { where: { email } });
      if (existing) throw new AppError(409, 'EMAIL_TAKEN', 'email: an account with this email already exists', [{ field: 'email', reason: 'already registered' }]);
      const user = await tx.save(tx.create(UserEntity, { email, displayName: dto.displayName.trim(), passwordHash, locale: dto.locale ?? 'zh-CN' }));
      if (dto.organisation) await this.createOwnOrganisation(tx, user.id, dto.organisation);
      return user.id;
    });
    return this.openSession(userId);
  }

  async signIn(emailRaw: string, password: string): Promise<SessionView> {
    const email = emailRaw.trim().toLowerCase();
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email } });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !ok) throw new AppError(401, 'INVALID_CREDENTIALS', 'email or password is wrong');
    return this.openSession(user.id);
  }

  async signOut(sessionId: string): Promise<void> {
    await this.db.getRepository(SessionEntity).update({ id: sessionId }, { revokedAt: new Date() });
  }

  /** Resolves a bearer token to the caller with all their memberships, in one query. */
  async authenticate(token: string): Promise<Principal> {
    const rows: Array<{
      session_id: string;
      user_id: string;
      organisation_id: string | null;
      kind: PrincipalMembership['organisationKind'] | null;
      name: string | null;
      role: Role | null;
      division_code: string | null;
    }> = await this.db.query(
      `SELECT s.id AS session_id, s.user_id, m.organisation_id, o.kind, o.name, m.role, o.division_code
         FROM sessions s
         LEFT JOIN memberships m ON m.user_id = s.user_id
         LEFT JOIN organisations o ON o.id = m.organisation_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sha256(token)],
    );
    if (rows.length === 0) throw unauthorized('the session has expired or was signed out; sign in again');
    const memberships = rows
      .filter((r) => r.organisation_id)
      .map((r) => ({
        organisationId: r.organisation_id as string,
        organisationKind: r.kind as PrincipalMembership['organisationKind'],
        organisationName: r.name as string,
        role: r.role as Role,
        divisionCode: r.division_code,
      }));
    return new Principal(rows[0].user_id, rows[0].session_id, memberships);
  }

  async me(userId: string): Promise<UserView> {
    const user = await this.db.getRepository(UserEntity).findOneOrFail({ where: { id: userId } });
    const memberships = await this.membershipsOf(userId);
    return { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, memberships };
  }

  private async membershipsOf(userId: string): Promise<PrincipalMembership[]> {
    const rows = await this.db
      .getRepository(MembershipEntity)
      .find({ where: { userId }, relations: { organisation: true }, order: { createdAt: 'ASC' } });
    return rows.map((m) => ({
      organisationId: m.organisationId,
      organisationKind: m.organisation!.kind,
      organisationName: m.organisation!.name,
      role: m.role,
      divisionCode: m.organisation!.divisionCode,
    }));
  }

  private async openSession(userId: string): Promise<SessionView> {
    const token = `shs_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.db.getRepository(SessionEntity).insert({ tokenHash: sha256(token), userId, expiresAt, revokedAt: null });
    return { token, expiresAt: expiresAt.toISOString(), user: await this.me(userId) };
  }

  private async checkNewOrganisation(org: NewOrganisationDto): Promise<void> {
    if (org.creditCode && !isValidCreditCode(org.creditCode)) {
      throw invalid('organisation.creditCode', 'the check character does not match (GB 32100)');
    }
    if (org.kind === 'supplier') await this.divisions.requireCounty(org.countyCode as string, 'organisation.countyCode');
  }

  private async createOwnOrganisation(tx: EntityManager, userId: string, org: NewOrganisationDto): Promise<void> {
    const created = await tx.save(
      tx.create(OrganisationEntity, {
        kind: org.kind,
        name: org.name.trim(),
        nameEn: org.nameEn?.trim() ?? null,
        creditCode: org.creditCode ?? null,
        buyerType: org.kind === 'buyer' ? (org.buyerType ?? null) : null,
        supplierType: org.kind === 'supplier' ? (org.supplierType ?? null) : null,
        divisionCode: org.kind === 'supplier' ? (org.countyCode ?? null) : null,
        // Buyers need no vetting; suppliers wait for an official of their county.
        verificationStatus: org.kind === 'buyer' ? 'verified' : 'pending',
      }),
    );
    const roles: Role[] = org.kind === 'buyer' ? ['buyer_admin', 'buyer_purchaser', 'buyer_approver'] : ['supplier_admin', 'supplier_staff'];
    await tx.insert(
      MembershipEntity,
      roles.map((role) => ({ userId, organisationId: created.id, role })),
    );
  }
}
