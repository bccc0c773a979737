import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { User } from './user.entity';
import { UsersExportController } from './users-export.controller';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), OrganizationsModule],
  controllers: [UsersExportController],
  providers: [UsersService, UsersResolver],
  exports: [UsersService],
})
export class UsersModule {}
