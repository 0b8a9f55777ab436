import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@shanhai/domain';
import { forbidden, unauthorized } from '../common/app-error';
import { AuthedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); a public route
 * still learns who is calling when a token is sent. @Roles() narrows further; the organisation
 * scope of each resource is then checked by its service.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) {
      if (isPublic) return true;
      throw unauthorized();
    }
    try {
      req.principal = await this.auth.authenticate(token);
    } catch (err) {
      if (isPublic) return true;
      throw err;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !req.principal.hasRole(...roles)) throw forbidden(`this needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}
