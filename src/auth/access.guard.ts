import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/app-error';
import { ACCESS_RULE, AccessRule, requestOf } from './access.decorators';
import { Role, ROLE_LABEL } from './actor';
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
    if (!rule)
      throw new ForbiddenError('この操作は公開されていません', 'NO_ACCESS_RULE').withEnglish(
        'This operation is not available.',
      );
    if ('public' in rule) return true;
    if (!request.actor) throw new UnauthenticatedError();
    if (!rule.roles.includes(request.actor.role)) throw onlyFor(rule.roles);
    return true;
  }
}

const ROLE_ORDER = [Role.ORGANIZER, Role.STAFF, Role.ADMIN, Role.PARTICIPANT];
const ROLE_LABEL_EN: Record<Role, string> = {
  [Role.ADMIN]: 'an administrator',
  [Role.ORGANIZER]: "an organisation's organiser",
  [Role.STAFF]: "an organisation's support staff",
  [Role.PARTICIPANT]: 'the participant themself',
};

/** Says who may, rather than only that the caller may not: 「この操作は主催者・管理者が行えます」. */
function onlyFor(roles: readonly Role[]): ForbiddenError {
  const allowed = ROLE_ORDER.filter((role) => roles.includes(role));
  return new ForbiddenError(
    `この操作は${allowed.map((role) => ROLE_LABEL[role]).join('・')}が行えます`,
  ).withEnglish(`Only ${allowed.map((role) => ROLE_LABEL_EN[role]).join(' or ')} can do this.`);
}
