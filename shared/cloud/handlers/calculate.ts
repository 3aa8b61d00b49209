/**
 * calculate: validates the profile with the shared schema and returns the engine's result.
 * Stores nothing and does not need an openid.
 */
import { evaluate, parseProfile } from '../../policy';
import { failure } from '../errors';
import type { Handler } from '../handler';

export const calculate: Handler<'calculate'> = async (request) => {
  const parsed = parseProfile(request.profile);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return failure('INVALID_INPUT', first ? first.message : undefined, parsed.issues);
  }
  return { ok: true, data: evaluate(parsed.profile) };
};
