/**
 * The command lines as functions (tests and scripts call them without a process): `npm run calc`
 * (run), `npm run screen` (runScreen), docs/profile.md (profileDoc), a file named on a command line
 * (read-file). The thin process entries are calc.ts, screen.ts and write-profile-doc.ts.
 */
export { run, USAGE as CALC_USAGE, type Io } from './calc-run';
export { runScreen, TEMPLATE_NAME, USAGE as SCREEN_USAGE, type ScreenIo } from './screen-run';
export { report } from './report';
export { profileDoc } from './profile-doc';
export * from './read-file';
