import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { AgreementService } from './agreement.service';
import {
  AgreementDecisionDto,
  AgreementQueryDto,
  AmendAgreementDto,
  ChangeDecisionDto,
  DeliveriesQueryDto,
  DeliveryChangeDto,
  PauseAgreementDto,
  ProposeAgreementDto,
  ResumeAgreementDto,
  TerminateAgreementDto,
} from './agreements.dto';
import { DeliveryChangeService } from './delivery-change.service';

/** Procurement agreements (订单式销售): docs/agreements.md. Responses: `AgreementView` and friends in libs/contract. */
@ApiTags('agreements')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementController {
  constructor(
    private readonly agreements: AgreementService,
    private readonly changes: DeliveryChangeService,
  ) {}

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post()
  @ApiOperation({ summary: 'Propose an agreement: a buyer admin or approver to the SKU’s cooperative, or the cooperative’s admin to a buyer (buyerId); the other side accepts' })
  propose(@CurrentPrincipal() p: Principal, @Body() dto: ProposeAgreementDto) {
    return this.agreements.propose(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Agreements of your organisations (buyer or cooperative), newest first; the operator sees all' })
  list(@CurrentPrincipal() p: Principal, @Query() query: AgreementQueryDto) {
    return this.agreements.list(p, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An agreement: current and pending terms, every version (the amendment history), pauses, delivery changes, progress and the next deliveries' })
  get(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string) {
    return this.agreements.get(p, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery calendar: every scheduled or recorded day with its state (held, ordered, skipped, missed…), its order and receipt' })
  deliveries(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Query() query: DeliveriesQueryDto) {
    return this.agreements.deliveries(p, id, query);
  }

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept or decline the pending terms (the other side; the buyer names its delivery site when the cooperative proposed), or withdraw them (the proposer)' })
  decide(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: AgreementDecisionDto) {
    return this.agreements.decide(p, id, dto);
  }

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post(':id/amendments')
  @ApiOperation({ summary: 'Propose new terms (a new version) for a running agreement; they govern from effectiveFrom once the other side accepts' })
  amend(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: AmendAgreementDto) {
    return this.agreements.amend(p, id, dto);
  }

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post(':id/pauses')
  @ApiOperation({ summary: 'Pause deliveries from a day no sooner than the notice allows: until a day (a break) or until resumed' })
  pause(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: PauseAgreementDto) {
    return this.agreements.pause(p, id, dto);
  }

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post(':id/resumption')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused agreement from a day (default today)' })
  resume(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: ResumeAgreementDto) {
    return this.agreements.resume(p, id, dto);
  }

  @Roles('buyer_admin', 'buyer_approver', 'supplier_admin')
  @Post(':id/termination')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the agreement early under its notice terms: nothing is delivered after lastDeliveryOn' })
  terminate(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: TerminateAgreementDto) {
    return this.agreements.terminate(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin', 'buyer_approver', 'supplier_staff', 'supplier_admin')
  @Post(':id/delivery-changes')
  @ApiOperation({ summary: 'Skip one delivery (the buyer’s skip takes effect at once) or substitute another SKU of the same cooperative; the other side consents' })
  proposeChange(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @Body() dto: DeliveryChangeDto) {
    return this.changes.propose(p, id, dto);
  }

  @Roles('buyer_purchaser', 'buyer_admin', 'buyer_approver', 'supplier_staff', 'supplier_admin')
  @Post(':id/delivery-changes/:changeId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept or decline a proposed skip or substitution (the other side), or withdraw it (the proposer)' })
  decideChange(@CurrentPrincipal() p: Principal, @UuidParam('id') id: string, @UuidParam('changeId') changeId: string, @Body() dto: ChangeDecisionDto) {
    return this.changes.decide(p, id, changeId, dto);
  }
}
