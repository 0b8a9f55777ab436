import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { AgreementTermsDto, CancelCommitmentDto, CommitmentDecisionDto, CommitmentOrderDto, CommitmentQueryDto, CreateCommitmentDto, DemandQueryDto } from './agreements.dto';
import { CommitmentService } from './commitment.service';

/** Pre-harvest commitments (预购): docs/agreements.md. Responses: `CommitmentView`, `CommitmentDemandView` in libs/contract. */
@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class CommitmentController {
  constructor(private readonly commitments: CommitmentService) {}

  @Roles('buyer_purchaser', 'buyer_admin', 'buyer_approver')
  @Post('commitments')
  @ApiOperation({ summary: 'Buyer: commit to take a quantity of a SKU from a coming harvest month' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCommitmentDto) {
    return this.commitments.create(p, dto);
  }

  @Get('commitments')
  @ApiOperation({ summary: 'Commitments of your organisations (made by your buyer organisation, or to your cooperative), by harvest month' })
  list(@CurrentPrincipal() p: Principal, @Query() query: CommitmentQueryDto) {
    return this.commitments.list(p, query);
  }

  @Get('commitments/:id')
  get(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.commitments.get(p, id);
  }

  @Roles('supplier_staff', 'supplier_admin')
  @Post('commitments/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cooperative: acknowledge (plan for it) or decline a commitment' })
  decide(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: CommitmentDecisionDto) {
    return this.commitments.decide(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin', 'buyer_approver')
  @Post('commitments/:id/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Buyer: withdraw a commitment not yet converted' })
  cancel(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: CancelCommitmentDto) {
    return this.commitments.cancel(p, id, dto);
  }

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post('commitments/:id/agreement')
  @ApiOperation({ summary: 'The harvest comes: propose an agreement made from the commitment (either side); the other side accepts it like any agreement' })
  toAgreement(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: AgreementTermsDto) {
    return this.commitments.toAgreement(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin')
  @Post('commitments/:id/order')
  @ApiOperation({ summary: 'The harvest comes: the buyer orders the committed SKU once, through ordinary checkout' })
  toOrder(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: CommitmentOrderDto) {
    return this.commitments.toOrder(p, id, dto);
  }

  @Get('suppliers/:id/commitment-demand')
  @ApiOperation({ summary: 'Cooperative: committed demand by harvest month and product, to plan planting' })
  demand(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Query() query: DemandQueryDto) {
    return this.commitments.demand(p, id, query);
  }
}
