/** The one registry of BullMQ queue names and their job payloads. */
export const QUEUES = {
  heartbeat: 'heartbeat',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface HeartbeatJob {
  readonly requestedAt: string;
}
