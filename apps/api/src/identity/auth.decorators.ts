import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@shanhai/domain';
import type { Request } from 'express';
import { unauthorized } from '../common/app-error';
import type { Principal } from './principal';

export const IS_PUBLIC = 'shanhai:public';
export const ROLES = 'shanhai:roles';

/** The route needs no sign-in (catalog browsing, health, sign-in itself). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller must hold at least one of these roles somewhere; services then check the organisation scope. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export type AuthedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw unauthorized();
  return principal;
});

/** The principal when signed in, undefined on public routes called anonymously. */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined => ctx.switchToHttp().getRequest<AuthedRequest>().principal,
);
