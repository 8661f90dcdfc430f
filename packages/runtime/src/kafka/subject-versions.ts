import { subjectOf, type SchemaRegistryClient } from './schema-registry';

const REGISTRY_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/**
 * The schema ids registered under a topic's subject, asked of the registry once and again only
 * when a message names an id not seen yet (a new version registered since). A consumer reads a
 * topic only in a schema its producer registered for it: a message written with a schema of
 * another subject did not come from that producer, even if it happens to decode.
 */
export function subjectVersions(registry: SchemaRegistryClient) {
  const known = new Map<string, Set<number>>();

  async function fetchIds(subject: string): Promise<Set<number>> {
    const base = `${registry.url}/subjects/${encodeURIComponent(subject)}/versions`;
    const listed = await fetch(base, { headers: { accept: REGISTRY_CONTENT_TYPE } });
    if (listed.status === 404) return new Set();
    if (!listed.ok) throw new Error(`GET ${base} answered ${listed.status}`);
    const versions = (await listed.json()) as number[];
    const ids = await Promise.all(
      versions.map(async (version) => {
        const response = await fetch(`${base}/${version}`, { headers: { accept: REGISTRY_CONTENT_TYPE } });
        if (!response.ok) throw new Error(`GET ${base}/${version} answered ${response.status}`);
        return ((await response.json()) as { id: number }).id;
      }),
    );
    return new Set(ids);
  }

  return {
    async belongsTo(topic: string, schemaId: number): Promise<boolean> {
      const subject = subjectOf(topic);
      if (known.get(subject)?.has(schemaId)) return true;
      const ids = await fetchIds(subject);
      known.set(subject, ids);
      return ids.has(schemaId);
    },
  };
}
