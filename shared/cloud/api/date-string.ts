/** DateString: a calendar date in Asia/Shanghai as the cloud functions send it. */

/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
export type DateString = string;
