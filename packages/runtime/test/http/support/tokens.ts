import { signAccessToken } from '../../../src/http';
import { TEST_SECRET } from './sample-app';

export function tokenWith(scopes: string[], options: { ttlSeconds?: number; secret?: string; subject?: string } = {}): Promise<string> {
  return signAccessToken(
    { secret: options.secret ?? TEST_SECRET },
    { subject: options.subject ?? 'test-client', scopes, ttlSeconds: options.ttlSeconds ?? 300 },
  );
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
