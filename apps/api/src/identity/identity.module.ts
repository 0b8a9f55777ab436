import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PlacesModule } from '../places/places.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({
  imports: [PlacesModule],
  controllers: [AuthController, OrganisationController],
  providers: [AuthService, OrganisationService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, OrganisationService],
})
export class IdentityModule {}
