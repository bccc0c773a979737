import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { ParticipantsModule } from '../participants/participants.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { ReaderLanguagePlugin } from './reader-language.plugin';
import { SessionReader } from './session-reader';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h` },
      }),
    }),
    UsersModule,
    ParticipantsModule,
  ],
  providers: [
    TokenService,
    AuthService,
    LoginThrottle,
    AuthResolver,
    ReaderLanguagePlugin,
    SessionReader,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TokenService, AuthService, LoginThrottle, SessionReader],
})
export class AuthModule {}
