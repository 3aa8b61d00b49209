/** deadlines: being implemented (issue 6). */
import { failure } from '../errors';
import type { Handler } from '../handler';

export const deadlines: Handler<'deadlines'> = async () => failure('INTERNAL');
