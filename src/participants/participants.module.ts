import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Company } from './company.entity';
import { CompanyResolver } from './company.resolver';
import { ParticipantImportService } from './import/participant-import.service';
import { Participant } from './participant.entity';
import { ParticipantsExportController } from './participants-export.controller';
import { ParticipantsResolver } from './participants.resolver';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [TypeOrmModule.forFeature([Participant, Company])],
  controllers: [ParticipantsExportController],
  providers: [ParticipantsService, ParticipantImportService, ParticipantsResolver, CompanyResolver],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
