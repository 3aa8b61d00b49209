/**
 * The results page shows the device's figures at once and asks the `calculate` cloud function (the
 * same engine, the same validated profile) to confirm them (confirmOnCloud; the page's CloudState
 * says how far that got). This is that step, so the page and the test that runs it against the local
 * cloud over HTTP (test/unit/questionnaire/cloud-same) are one path. The cloud's answer says which
 * version made it (issue 26, item 6), kept in its Confirmation: cloudVersionNote words a difference
 * from this build's for the page, shownVersion is the version of the figures on screen (the 测算单
 * prints it).
 */
import { resultFromCloud, sameResult } from '@policy/view'
import { readVersionStamp, sameVersion, versionStamp, versionText, type EvaluateResult, type Profile, type VersionStamp } from '@policy/engine'
import { callCloud } from '@/services/cloud'

/** What the quiet line under the total says about the cloud's confirmation. */
export type CloudState = 'checking' | 'same' | 'updated' | 'offline' | 'failed'

export interface Confirmation {
  state: Exclude<CloudState, 'checking'>
  /** The cloud's answer, when it gave one. */
  cloud?: EvaluateResult
  /** The version the cloud's answer says made it; none from a function deployed before versions. */
  version?: VersionStamp
}

/** Same → confirmed; different → the cloud's answer (newer data) is shown instead; no answer → the device's stays. */
export async function confirmOnCloud(profile: Profile, device: EvaluateResult): Promise<Confirmation> {
  const env = await callCloud('calculate', { profile })
  if (!env.ok) return { state: env.error.code === 'NETWORK' ? 'offline' : 'failed' }
  const { version, ...reply } = env.data
  const cloud = resultFromCloud(reply)
  const stamp = readVersionStamp(version)
  return { state: sameResult(cloud, device) ? 'same' : 'updated', cloud, ...(stamp ? { version: stamp } : {}) }
}

/** The version that made the figures on screen: the cloud's when its answer replaced the device's and said one, else this build's. */
export function shownVersion(c: Confirmation | undefined): VersionStamp {
  return c?.state === 'updated' && c.version ? c.version : versionStamp()
}

/**
 * The line under the page's own version when the cloud's differs, for the owner: which version the
 * cloud runs and whether that changed the figures. '' when they agree, or when the cloud said none.
 */
export function cloudVersionNote(c: Confirmation | undefined): string {
  if (!c?.version || sameVersion(c.version, versionStamp())) return ''
  const figures = c.state === 'updated' ? '上面的金额按云端结果显示。' : '两边算出的金额相同。'
  return `云端测算版本不同：云端为${versionText(c.version)}。${figures}`
}
