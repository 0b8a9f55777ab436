import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from './auth.decorators';
import {
  AddMemberDto,
  CreateOrganisationDto,
  DeliverySiteDto,
  OrganisationQueryDto,
  ProductionBaseDto,
  UpdateOrganisationDto,
  VerificationDecisionDto,
} from './identity.dto';
import { OrganisationService } from './organisation.service';
import { Principal } from './principal';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Roles('operator')
  @Post()
  @ApiOperation({ summary: 'Operator: create an organisation of any kind (jurisdictions and the operator included)' })
  create(@Body() dto: CreateOrganisationDto) {
    return this.organisations.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your organisations; officials also see the suppliers in their jurisdiction; the operator sees all' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: OrganisationQueryDto) {
    return this.organisations.list(principal, query);
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string) {
    return this.organisations.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Admin: update the profile (suppliers: linked households by kind)" })
  update(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Body() dto: UpdateOrganisationDto) {
    return this.organisations.update(principal, id, dto);
  }

  @Roles('official', 'operator')
  @Post(':id/verification')
  @ApiOperation({ summary: "Official of the supplier's county: verify or reject a supplier" })
  verify(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Body() dto: VerificationDecisionDto) {
    return this.organisations.decideVerification(principal, id, dto);
  }

  @Get(':id/members')
  members(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string) {
    return this.organisations.members(principal, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Admin: give an existing account a role in this organisation' })
  addMember(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Body() dto: AddMemberDto) {
    return this.organisations.addMember(principal, id, dto);
  }

  @Get(':id/delivery-sites')
  deliverySites(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string) {
    return this.organisations.deliverySites(principal, id);
  }

  @Post(':id/delivery-sites')
  addDeliverySite(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Body() dto: DeliverySiteDto) {
    return this.organisations.addDeliverySite(principal, id, dto);
  }

  @Put(':id/delivery-sites/:siteId')
  updateDeliverySite(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('siteId') siteId: string,
    @Body() dto: DeliverySiteDto,
  ) {
    return this.organisations.updateDeliverySite(principal, id, siteId, dto);
  }

  @Get(':id/production-bases')
  productionBases(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string) {
    return this.organisations.productionBases(principal, id);
  }

  @Post(':id/production-bases')
  addProductionBase(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Body() dto: ProductionBaseDto) {
    return this.organisations.addProductionBase(principal, id, dto);
  }
}
