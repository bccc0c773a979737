import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind';

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** The name English readers get in the emails and pages of its events; null: the Japanese one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  /** 都道府県 + 市区町村, e.g. 東京都葛飾区. */
  @Column()
  municipality: string;

  @Column({ type: 'char', length: 13, nullable: true, unique: true })
  corporateNumber: string | null;

  /**
   * Postal address (〒 and street), shown in the footer of event emails: 特定電子メール法 asks a
   * sender of promotional mail (invitations, digests) for its name, address and a contact point.
   */
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  /** The address as English readers get it in those footers; null: the Japanese one. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  addressEn: string | null;

  /** Where participants' replies go (Reply-To of event emails) and the footer's contact address. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /**
   * Moved by every edit of it: the emails of its events read its names, address and contact from
   * a cache that compares this (see eventMailVersionSql).
   */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
