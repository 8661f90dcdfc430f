/** What a dead-letter header may say of an error: a stable code and a message, never SQL text or its parameters. */
export interface ErrorDescription {
  code?: string;
  message: string;
}

const MAX_MESSAGE_LENGTH = 500;

/**
 * The error as operators may read it in a topic: a PostgreSQL error (anywhere in the `cause`
 * chain) by its SQLSTATE and its own message; a query wrapper's text ("Failed query: <sql>
 * params: …", which can carry customer data) never; anything else by name and message, cut short.
 */
export function describeError(error: Error): ErrorDescription {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, severity } = current as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string') {
      return { code, message: clip(current.message) };
    }
  }
  if (/^Failed query:/.test(error.message)) return { message: 'A database query failed.' };
  return { message: clip(`${error.name}: ${error.message}`) };
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}
