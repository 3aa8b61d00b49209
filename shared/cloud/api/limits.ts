/**
 * How much the cloud takes: MAX_REQUEST_BYTES (every function and the local cloud), REACH_COUNT_CAP,
 * the screening's SCREEN_CHUNK_ROWS, SCREEN_MAX_ROWS and SCREEN_MAX_FILE_BYTES (product settings,
 * kept in shared/policy/engine/config.ts where docs/screening.md reads them too), and SCREEN_TOO_BIG,
 * what the page, the local /upload and the function say of a file over it.
 */
import { SCREEN_MAX_FILE_BYTES } from '../../policy/engine';

export { SCREEN_CHUNK_ROWS, SCREEN_MAX_FILE_BYTES, SCREEN_MAX_ROWS } from '../../policy/engine';

/**
 * Requests above this size (as JSON, UTF-8) are refused with PAYLOAD_TOO_LARGE — by the functions
 * and the local cloud; pages check what they send against it (an import file, say) first.
 */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** Counting a deadline's reach stops here (an admin view, not a billing figure). */
export const REACH_COUNT_CAP = 5000;

/** A register over SCREEN_MAX_FILE_BYTES: the page (before uploading), the local /upload and the function say the same. */
export const SCREEN_TOO_BIG = `文件太大：园区批量测算一次最多 ${SCREEN_MAX_FILE_BYTES / 1024 / 1024} MB。请把名单拆成几个文件分别测算。`;
