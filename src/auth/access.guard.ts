import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/app-error';
import { ACCESS_RULE, AccessRule, requestOf } from './access.decorators';
import { TokenService } from './token.service';

/**
 * Global guard: reads the bearer token (if any) into `req.actor`, then applies the handler's
 * @Allow/@Public rule. A handler without a rule is not reachable.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const header = request.headers?.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await this.tokens.verify(header.slice('Bearer '.length));
    }
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('この操作は公開されていません', 'NO_ACCESS_RULE');
    if ('public' in rule) return true;
    if (!request.actor) throw new UnauthenticatedError();
    if (!rule.roles.includes(request.actor.role)) throw new ForbiddenError();
    return true;
  }
}
