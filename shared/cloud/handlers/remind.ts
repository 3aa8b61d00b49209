/** remind: being implemented (issue 6). */
import { failure } from '../errors';
import type { Handler } from '../handler';

export const remind: Handler<'remind'> = async () => failure('INTERNAL');
