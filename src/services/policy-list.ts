/**
 * The policy list this app calculates from: its year (POLICY_LIST_YEAR) and names (POLICY_LIST_NAME,
 * POLICY_LIST_SHORT), written in one place. The home page shows them without loading the catalog
 * (to keep the main package small); a test keeps POLICY_LIST_NAME equal to the catalog's title.
 */

/** The year in the list's title. */
export const POLICY_LIST_YEAR = '2022'

/** The list's full title (= catalog2022.title). */
export const POLICY_LIST_NAME = `内蒙古自治区 ${POLICY_LIST_YEAR} 年促进制造业高端化、智能化、绿色化发展政策清单`

/** The list, in a few characters, for the status line: '2022 年清单'. */
export const POLICY_LIST_SHORT = `${POLICY_LIST_YEAR} 年清单`
