import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { ApplyCertificationDto, CertificationDecisionDto, CertificationQueryDto, RevokeCertificationDto } from './catalog.dto';
import { CertificationService } from './certification.service';

@ApiTags('certification')
@ApiBearerAuth()
@Controller()
export class CertificationController {
  constructor(private readonly certifications: CertificationService) {}

  @Roles('supplier_staff', 'supplier_admin')
  @Post('products/:id/certifications')
  @ApiOperation({ summary: 'Supplier: apply to certify a product of a helped county' })
  apply(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: ApplyCertificationDto) {
    return this.certifications.apply(p, id, dto);
  }

  @Get('certifications')
  @ApiOperation({ summary: "Applications and certificates: a supplier's own, an official's jurisdiction, or all for the operator" })
  list(@CurrentPrincipal() p: Principal, @Query() query: CertificationQueryDto) {
    return this.certifications.list(p, query);
  }

  @Get('certifications/:id')
  @ApiOperation({ summary: 'One application or certificate with product and supplier names and its evidence documents; same readers as the list' })
  get(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.certifications.get(p, id);
  }

  @Roles('official')
  @Post('certifications/:id/decision')
  @ApiOperation({ summary: "Official of the product's county: certify (with certificate details) or reject" })
  decide(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: CertificationDecisionDto) {
    return this.certifications.decide(p, id, dto);
  }

  @Roles('official')
  @Post('certifications/:id/revocation')
  @ApiOperation({ summary: 'Official: revoke a certificate from a day on' })
  revoke(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: RevokeCertificationDto) {
    return this.certifications.revoke(p, id, dto);
  }
}
