import avro, { type Schema, type Type } from 'avsc';

/**
 * Avro schema → TypeScript declarations, walked over avsc's own parsed types so that names,
 * namespaces and references resolve exactly as the codec will resolve them at run time.
 *
 * Written here rather than taken from a package: the one maintained-looking generator
 * (@ovotech/avro-ts) pins TypeScript 4 and has not moved since 2021, and our event schemas
 * use a small subset (records, enums, arrays, maps, `["null", X]` unions, strings, numbers).
 * Anything outside that subset is refused loudly instead of being typed approximately.
 */
export function avroToTypeScript(schema: Schema, options: { topic: string }): string {
  const root = avro.Type.forSchema(schema, { wrapUnions: 'never' });
  const declarations = new Map<string, string>();
  const rootName = typeNameOf(root);
  const rootType = typeOf(root, declarations);
  const lines = [
    "import type { schema as avsc } from 'avsc';",
    '',
    `export const topic = ${JSON.stringify(options.topic)} as const;`,
    `export const subject = ${JSON.stringify(`${options.topic}-value`)} as const;`,
    `export const schema: avsc.RecordType & { type: 'record' } = ${JSON.stringify(schema, null, 2)};`,
    '',
    ...declarations.values(),
  ];
  if (rootName === undefined) lines.push(`export type Event = ${rootType};`);
  else if (rootName !== 'Event') lines.push(`export type Event = ${rootName};`);
  lines.push(
    '',
    '/** What producers and consumers bind to: the topic, its subject and schema, typed with the event it carries. */',
    'export const eventTopic: {',
    '  readonly topic: typeof topic;',
    '  readonly subject: typeof subject;',
    '  readonly schema: typeof schema;',
    '  /** Type only, never set: lets a handler bound to this topic receive `Event`. */',
    '  readonly eventType?: Event;',
    '} = { topic, subject, schema };',
  );
  return `${lines.join('\n')}\n`;
}

function typeNameOf(type: Type): string | undefined {
  return type.name ? type.name.split('.').pop() : undefined;
}

function docComment(doc: unknown, indent = ''): string {
  return typeof doc === 'string' && doc.length > 0 ? `${indent}/** ${doc.replace(/\*\//g, '* /')} */\n` : '';
}

function typeOf(type: Type, declarations: Map<string, string>): string {
  const any = type as Type & Record<string, unknown>;
  switch (type.typeName) {
    case 'null':
      return 'null';
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return 'number';
    case 'string':
      return 'string';
    case 'bytes':
    case 'fixed':
      return 'Buffer';
    case 'array':
      return `Array<${typeOf(any.itemsType as Type, declarations)}>`;
    case 'map':
      return `Record<string, ${typeOf(any.valuesType as Type, declarations)}>`;
    case 'union:unwrapped':
      return (any.types as Type[]).map((branch) => typeOf(branch, declarations)).join(' | ');
    case 'enum':
      return declareEnum(type, declarations);
    case 'record':
    case 'error':
      return declareRecord(type, declarations);
    default:
      throw new Error(`Avro type ${type.typeName} is not supported by the code generator`);
  }
}

function declareEnum(type: Type, declarations: Map<string, string>): string {
  const name = typeNameOf(type) as string;
  if (!declarations.has(name)) {
    const symbols = (type as unknown as { symbols: string[] }).symbols;
    declarations.set(
      name,
      `${docComment((type as unknown as { doc?: string }).doc)}export const ${lowerFirst(name)}Values = ${JSON.stringify(symbols)} as const;\n` +
        `export type ${name} = (typeof ${lowerFirst(name)}Values)[number];\n`,
    );
  }
  return name;
}

function declareRecord(type: Type, declarations: Map<string, string>): string {
  const name = typeNameOf(type) as string;
  if (declarations.has(name)) return name;
  declarations.set(name, ''); // reserve the name first: records may refer to themselves
  const fields = (type as unknown as { fields: Array<{ name: string; type: Type; doc?: string }> }).fields;
  const body = fields
    .map((field) => `${docComment(field.doc, '  ')}  ${field.name}: ${typeOf(field.type, declarations)};`)
    .join('\n');
  declarations.delete(name); // re-insert after nested declarations so dependencies come first
  declarations.set(name, `${docComment((type as unknown as { doc?: string }).doc)}export interface ${name} {\n${body}\n}\n`);
  return name;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
