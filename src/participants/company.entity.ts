import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 事業者: the business a participant belongs to. Several participants may share one. */
@Entity('companies')
@Index(['name', 'municipality'])
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** 法人番号; sole proprietors have none. */
  @Column({ type: 'char', length: 13, nullable: true, unique: true })
  corporateNumber: string | null;

  /** JSIC major division, A–T. */
  @Column({ type: 'char', length: 1, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', nullable: true })
  municipality: string | null;

  @Column({ type: 'int', nullable: true })
  employees: number | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
