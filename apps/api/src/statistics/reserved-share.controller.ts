import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { JurisdictionQueryDto, ReservedShareFilingDto } from './statistics.dto';
import { ReservedShareService } from './reserved-share.service';

@ApiTags('reserved share')
@ApiBearerAuth()
@Controller('reserved-share')
export class ReservedShareController {
  constructor(private readonly reservedShare: ReservedShareService) {}

  @Roles('buyer_admin')
  @Put(':year')
  @ApiOperation({ summary: 'A public buyer files its canteen budget and reserved share for the year (or shares a canteen, or has none)' })
  file(@CurrentPrincipal() principal: Principal, @Param('year') year: string, @Body() dto: ReservedShareFilingDto) {
    return this.reservedShare.file(principal, year, dto);
  }

  @Roles('buyer_admin', 'buyer_purchaser', 'buyer_approver', 'operator')
  @Get(':year/organisations/:organisationId')
  @ApiOperation({ summary: 'A buyer’s filing and its progress (counted assistance against the reserved amount) with the projection' })
  own(@CurrentPrincipal() principal: Principal, @Param('year') year: string, @UuidParam('organisationId') organisationId: string) {
    return this.reservedShare.own(principal, year, organisationId);
  }

  @Roles('official', 'operator')
  @Get(':year')
  @ApiOperation({ summary: 'Officials: the public buyers of the jurisdiction, their filings, progress and projection, and the sum' })
  jurisdiction(@CurrentPrincipal() principal: Principal, @Param('year') year: string, @Query() query: JurisdictionQueryDto) {
    return this.reservedShare.jurisdiction(principal, year, query.jurisdictionId);
  }
}
