import { randomBytes } from 'node:crypto';

/** Databases, topics, consumer groups and references are shared by every run: each test names its own. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
