import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Actor, Role, STAFF_ROLES } from './actor';

export const ACCESS_RULE = 'tsunagu:access';
export type AccessRule = { public: true } | { roles: Role[] };

/**
 * Every resolver method and controller route states who may call it; one without a rule is
 * refused by AccessGuard (deny by default).
 */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);
/** Any staff account; what each may see or change is then up to the service (its organisation). */
export const AllowStaff = () => Allow(...STAFF_ROLES);
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

export type RequestWithActor = Request & { actor?: Actor };

export function requestOf(context: ExecutionContext): RequestWithActor {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}

/** The signed-in actor; `undefined` on public operations called anonymously. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext) => requestOf(context).actor,
);
