/**
 * The `listStatus` function's contract — whether the 2022 list is still in force, as admins last
 * checked it: ListState, LIST_STATES, ListStatusInput, ListStatus, UNVERIFIED_LIST_STATUS,
 * ListStatusRequest and ListStatusResponse.
 */
import type { DateString } from './date-string';
import { LIST_STATE_LABELS } from './labels';

/** The list's state, as an admin found it in the official sources. */
export type ListState = 'inForce' | 'superseded' | 'repealed' | 'unverified';

export const LIST_STATES: readonly ListState[] = ['inForce', 'superseded', 'repealed', 'unverified'] as const;

/** What an admin enters (the server validates; see shared/cloud/list-status.ts). */
export interface ListStatusInput {
  state: ListState;
  /** One line for users, e.g. '2023 年清单已发布，本清单措施以新清单为准' (≤ 60 characters; may be empty when in force). */
  notice: string;
  /** The official page the admin checked (http/https; required unless unverified). */
  sourceUrl: string;
  /** The day the admin checked the sources (Asia/Shanghai, not in the future). */
  checkedOn: DateString;
}

/** The published status. Until an admin sets it: unverified, never checked. */
export interface ListStatus {
  state: ListState;
  /** LIST_STATE_LABELS[state] */
  label: string;
  notice: string;
  sourceUrl: string;
  /** null: nobody has checked yet. */
  checkedOn: DateString | null;
  /** ISO time of the last change; null for the default. */
  updatedAt: string | null;
  /** The stored status's revision (absent: none stored yet, which a `set` names as 0). */
  revision?: number;
}

/**
 * What everyone reads until an admin publishes a status: unverified, never checked (the server's
 * answer, and what the app holds before it has heard anything).
 */
export const UNVERIFIED_LIST_STATUS: Readonly<ListStatus> = Object.freeze({
  state: 'unverified',
  label: LIST_STATE_LABELS.unverified,
  notice: '',
  sourceUrl: '',
  checkedOn: null,
  updatedAt: null,
});

export type ListStatusRequest =
  /** Anyone. */
  | { action: 'get' }
  /** Admins only; audited. */
  /** `revision`: the status's as the page read it (0 when none was stored); CONFLICT when it changed since. */
  | { action: 'set'; status: ListStatusInput; revision?: number };

export type ListStatusResponse = { action: 'get'; status: ListStatus } | { action: 'set'; status: ListStatus };
