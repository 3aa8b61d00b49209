/** What users read for the cloud's states: LIST_STATE_LABELS (the list's state in Chinese). */
import type { ListState } from './list-status';

export const LIST_STATE_LABELS: Record<ListState, string> = {
  inForce: '在执行',
  superseded: '已有后续清单',
  repealed: '已废止',
  unverified: '状态未核实',
};
