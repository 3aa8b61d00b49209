/**
 * calculate: validates the profile with the shared schema and returns the engine's result with
 * this function's version (versionStamp: the app version it was built from and its catalog's hash),
 * so a figure can be traced to the code that made it. Stores nothing and does not need an openid.
 *
 * WeChat delivers the request already parsed, so this is the last step of the one profile reading
 * (shared/policy/engine/read-profile.ts: bytes → text → JSON → parseProfile) that the CLI and the local
 * cloud also go through: the same profile gets the same result or the same field messages at every
 * door (and -0 reads as 0 in all of them — see schema.ts).
 */
import { evaluate, parseProfile, versionStamp } from '../../policy/engine';
import { failure } from '../errors';
import type { Handler } from '../handler';

export const calculate: Handler<'calculate'> = async (request) => {
  const parsed = parseProfile(request.profile);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return failure('INVALID_INPUT', first ? first.message : undefined, parsed.issues);
  }
  return { ok: true, data: { ...evaluate(parsed.profile), version: versionStamp() } };
};
