/**
 * The results page shows the device's figures at once and asks the `calculate` cloud function (the
 * same engine, the same validated profile) to confirm them (confirmOnCloud; the page's CloudState
 * says how far that got). This is that step, so the page and the test that runs it against the local
 * cloud over HTTP (test/unit/questionnaire/cloud-same) are one path.
 */
import { resultFromCloud, sameResult } from '@policy/view'
import type { EvaluateResult, Profile } from '@policy/engine'
import { callCloud } from '@/services/cloud'

/** What the quiet line under the total says about the cloud's confirmation. */
export type CloudState = 'checking' | 'same' | 'updated' | 'offline' | 'failed'

export interface Confirmation {
  state: Exclude<CloudState, 'checking'>
  /** The cloud's answer, when it gave one. */
  cloud?: EvaluateResult
}

/** Same → confirmed; different → the cloud's answer (newer data) is shown instead; no answer → the device's stays. */
export async function confirmOnCloud(profile: Profile, device: EvaluateResult): Promise<Confirmation> {
  const env = await callCloud('calculate', { profile })
  if (!env.ok) return { state: env.error.code === 'NETWORK' ? 'offline' : 'failed' }
  const cloud = resultFromCloud(env.data)
  return { state: sameResult(cloud, device) ? 'same' : 'updated', cloud }
}
