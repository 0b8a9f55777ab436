import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per heartbeat job run: proves the worker, BullMQ and PostgreSQL are wired together. */
@Entity('worker_heartbeats')
export class WorkerHeartbeatEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'worker_id', type: 'varchar', length: 100 }) workerId!: string;
  /** The BullMQ job id: a retried job records its beat once. */
  @Index({ unique: true })
  @Column({ name: 'job_id', type: 'varchar', length: 200 }) jobId!: string;
  @Index()
  @Column({ name: 'beat_at', type: 'timestamptz' }) beatAt!: Date;
}
