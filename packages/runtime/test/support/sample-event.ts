import { randomUUID } from 'node:crypto';

/** The plain-JSON shape of fixtures/avro/sample-event.v1.avsc. */
export interface SampleEvent {
  eventId: string;
  occurredAt: number;
  contractRef: string;
  amountCents: number;
  note: string | null;
}

export function buildSampleEvent(overrides: Partial<SampleEvent> = {}): SampleEvent {
  return {
    eventId: randomUUID(),
    occurredAt: Date.now(),
    contractRef: `CTR-${randomUUID().slice(0, 8)}`,
    amountCents: 1250,
    note: null,
    ...overrides,
  };
}
