import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentPrincipal, Public } from './auth.decorators';
import type { SessionView, UserView } from '@shanhai/contract';
import { AuthService } from './auth.service';
import { SignInDto, SignUpDto } from './identity.dto';
import { Principal } from './principal';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('sign-up')
  @ApiOperation({ summary: 'Create an account, optionally with a buyer or supplier organisation you administer' })
  signUp(@Body() dto: SignUpDto): Promise<SessionView> {
    return this.auth.signUp(dto);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token' })
  signIn(@Body() dto: SignInDto): Promise<SessionView> {
    return this.auth.signIn(dto.email, dto.password);
  }

  @ApiBearerAuth()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.signOut(principal.sessionId);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user and their organisation roles' })
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.auth.me(principal.userId);
  }
}
