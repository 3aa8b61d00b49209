/**
 * The cloud seen from the pages: the one entry src imports (`@cloud-api`), never a file inside
 * shared/cloud. It opens the API's contracts (api/: the function map, payloads, envelope, limits,
 * the local cloud's headers, labels), the reminder templates, the Beijing-time formatter, the rule
 * of which items a batch is for, the words for a subscribe tap's outcome, and the shape of a
 * message the local cloud "sent". Nothing here pulls in server code: each file it opens is also
 * in the mini-program's bundle.
 */
export * from './api';
export * from './templates';
export * from './dates';
export * from './deadline-items';
export * from './subscribe-outcome';
export type { OutgoingMessage } from './context';
