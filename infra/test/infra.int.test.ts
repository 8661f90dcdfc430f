/**
 * Proves the local infrastructure started by `tsx infra/cli.ts start` really works end to end,
 * through the same client libraries and settings (infra/endpoints.ts) the services use.
 * Every test uses names unique to this run, so runs never see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { serviceIdentities } from '../../scripts/platform';
import { localEndpoints } from '../endpoints';
import { waitUntil } from '../wait';

const runId = randomUUID().slice(0, 8);

// Jest ignores `testTimeout` inside a project entry, so the Kafka test sets its own budget.
const KAFKA_TEST_TIMEOUT_MS = 60_000;

interface CaughtMail {
  id: string;
  subject: string;
  text?: string;
  to: { address: string }[];
}

async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

describe('local infrastructure', () => {
  it('delivers a mail sent over SMTP to the catcher, readable through its REST API', async () => {
    const subject = `infra check ${runId}`;
    const transport = nodemailer.createTransport({ ...localEndpoints.smtp, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ from: 'infra@boissipay.test', to: 'finance@customer.test', subject, text: `hello ${runId}` });
    } finally {
      transport.close();
    }

    const mail = await waitUntil(
      async () => {
        const { body } = await getJson<CaughtMail[]>(`${localEndpoints.mailApiUrl}/email`);
        return body.find((candidate) => candidate.subject === subject);
      },
      { description: `mail "${subject}" in maildev`, timeoutMs: 10_000 },
    );
    expect(mail.to.map((recipient) => recipient.address)).toEqual(['finance@customer.test']);
    expect(mail.text?.trim()).toBe(`hello ${runId}`);

    const deleted = await fetch(`${localEndpoints.mailApiUrl}/email/${mail.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
  });

  it('writes and reads a row in a service database', async () => {
    const client = new Client({ connectionString: localEndpoints.databaseUrl(serviceIdentities['contract-service'].database) });
    await client.connect();
    try {
      // A temporary table lives only in this session, so the service's own schema is untouched.
      const table = `infra_check_${runId}`;
      await client.query(`CREATE TEMP TABLE ${table} (id integer PRIMARY KEY, note text NOT NULL)`);
      await client.query(`INSERT INTO ${table} (id, note) VALUES ($1, $2)`, [1, `row ${runId}`]);
      const result = await client.query<{ note: string }>(`SELECT note FROM ${table} WHERE id = $1`, [1]);
      expect(result.rows).toEqual([{ note: `row ${runId}` }]);
    } finally {
      await client.end();
    }
  });

  it('round-trips a message through Kafka on an explicitly created topic', async () => {
    const topic = `infra-check-${runId}`;
    const kafka = new Kafka({ clientId: `infra-check-${runId}`, brokers: localEndpoints.kafkaBrokers, logLevel: logLevel.WARN });
    const admin = kafka.admin();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    // A short fetch wait: disconnect() waits for the pending long-poll fetch to return.
    const consumer = kafka.consumer({ groupId: `infra-check-${runId}`, maxWaitTimeInMs: 100 });
    await admin.connect();
    try {
      // The broker does not auto-create topics: without this the producer would fail.
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });

      const received: { key: string; value: string }[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: message.key?.toString('utf8') ?? '', value: message.value?.toString('utf8') ?? '' });
        },
      });

      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'contract-1', value: `payload ${runId}` }] });

      await waitUntil(async () => received.length > 0, { description: `a message on ${topic}`, timeoutMs: 30_000 });
      expect(received).toEqual([{ key: 'contract-1', value: `payload ${runId}` }]);
    } finally {
      await producer.disconnect();
      await consumer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  }, KAFKA_TEST_TIMEOUT_MS);

  it('gives an identical schema the same id in the registry and lets a subject be deleted', async () => {
    const subject = `infra-check-${runId}-value`;
    const schema = JSON.stringify({
      type: 'record',
      name: 'InfraCheck',
      namespace: 'io.boissipay.infra',
      fields: [{ name: 'runId', type: 'string' }],
    });
    const register = (): Promise<{ status: number; body: { id: number } }> =>
      getJson<{ id: number }>(`${localEndpoints.schemaRegistryUrl}/subjects/${subject}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schemaType: 'AVRO', schema }),
      });

    const first = await register();
    const second = await register();
    expect(first.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);

    const byId = await getJson<{ schema: string }>(`${localEndpoints.schemaRegistryUrl}/schemas/ids/${first.body.id}`);
    expect(JSON.parse(byId.body.schema)).toEqual(JSON.parse(schema));

    // Confluent semantics: a soft delete first, then a permanent one.
    const softDelete = await fetch(`${localEndpoints.schemaRegistryUrl}/subjects/${subject}`, { method: 'DELETE' });
    expect(softDelete.status).toBe(200);
    const hardDelete = await fetch(`${localEndpoints.schemaRegistryUrl}/subjects/${subject}?permanent=true`, { method: 'DELETE' });
    expect(hardDelete.status).toBe(200);
  });
});
