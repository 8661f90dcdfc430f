import { readFileSync } from 'node:fs';
import path from 'node:path';
import { avroToTypeScript } from './avro-to-typescript';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../test/fixtures/avro/sample.order-placed.v1.avsc'), 'utf8'));

describe('avroToTypeScript', () => {
  const output = avroToTypeScript(schema, { topic: 'sample.order-placed.v1' });

  it('when given a record, then it declares an interface per named record, nested ones first', () => {
    expect(output).toContain('export interface OrderLine {\n  label: string;\n  quantity: number;\n}');
    expect(output.indexOf('interface OrderLine')).toBeLessThan(output.indexOf('interface OrderPlaced'));
    expect(output).toContain('/** uuid of the event */\n  eventId: string;');
  });

  it('when a field is an enum, array, map, nullable union or named reference, then each maps to its TypeScript form', () => {
    expect(output).toContain('export const orderEventTypeValues = ["PLACED","CANCELLED"] as const;');
    expect(output).toContain('type: OrderEventType;');
    expect(output).toContain('lines: Array<OrderLine>;');
    expect(output).toContain('attributes: Record<string, string>;');
    expect(output).toContain('note: null | string;');
    expect(output).toContain('previousLine: null | OrderLine;');
    expect(output).toContain('amountMinor: number;');
  });

  it('when generated, then the topic, its subject and the schema itself are exported', () => {
    expect(output).toContain('export const topic = "sample.order-placed.v1" as const;');
    expect(output).toContain('export const subject = "sample.order-placed.v1-value" as const;');
    expect(output).toContain('export type Event = OrderPlaced;');
  });

  it('when generated, then one descriptor binds the topic, subject and schema to the event type', () => {
    expect(output).toContain('export const eventTopic: {');
    expect(output).toContain('  readonly eventType?: Event;\n} = { topic, subject, schema };');
  });

  it('when the schema uses a type outside the supported subset, then it types fixed as Buffer and refuses an ambiguous union loudly', () => {
    const fixed = { type: 'record', name: 'WithFixed', fields: [{ name: 'f', type: { type: 'fixed', name: 'F', size: 2 } }] };
    expect(avroToTypeScript(fixed as never, { topic: 't' })).toContain('f: Buffer;');
    const wrapped = { type: 'record', name: 'Ambiguous', fields: [{ name: 'u', type: ['int', 'long'] }] };
    expect(() => avroToTypeScript(wrapped as never, { topic: 't' })).toThrow();
  });
});
