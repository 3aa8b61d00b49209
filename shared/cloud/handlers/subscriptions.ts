/** subscriptions: being implemented (issue 6). */
import { failure } from '../errors';
import type { Handler } from '../handler';

export const subscriptions: Handler<'subscriptions'> = async () => failure('INTERNAL');
