import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind';

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  /** 都道府県 + 市区町村, e.g. 東京都葛飾区. */
  @Column()
  municipality: string;

  @Column({ type: 'char', length: 13, nullable: true, unique: true })
  corporateNumber: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
