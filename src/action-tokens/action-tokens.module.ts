import { Global, Module } from '@nestjs/common';
import { ActionTokensService } from './action-tokens.service';

@Global()
@Module({ providers: [ActionTokensService], exports: [ActionTokensService] })
export class ActionTokensModule {}
