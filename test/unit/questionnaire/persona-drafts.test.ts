/** The stored drafts the suites open the results page with say exactly what the personas' profiles say. */
import { draftProfile } from '../../../src/state/draft';
import { draftOf } from '../../support/drafts';
import { parsed } from '../../support/engine';
import * as personas from '../../support/personas';

test.each(Object.entries(personas))('%s: its draft makes its profile', (_name, profile) => {
  const made = draftProfile(draftOf(profile));
  expect(made.ok).toBe(true);
  if (made.ok) expect(made.profile).toEqual(parsed(profile));
});
