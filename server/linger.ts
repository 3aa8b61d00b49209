/**
 * The lingering close after an answer sent while the client is still uploading (a 413): the
 * client reads the answer, never a reset.
 *
 * With `Connection: close` Node destroys the socket as soon as the answer is written; a socket
 * closed with unread input makes the kernel send a TCP reset, which can reach the client before it
 * has read the answer — it then sees EPIPE/ECONNRESET instead of the 413 (seen with 120 uploads of
 * 65 KB – 2 MB, test/unit/server/body-limit.test.ts). So once the answer is flushed: FIN (end), keep
 * reading and dropping whatever still arrives, and destroy when the client has closed its side
 * too, or after LINGER_MS.
 *
 * Exports: LINGER_MS, lingerAfterAnswer.
 */
import type { IncomingMessage } from 'node:http';

/** How long a connection closed after a 413 goes on reading (and dropping) the rest of the upload. */
export const LINGER_MS = 2000;

/** Call before the answer is sent; the answer must carry `Connection: close`. */
export function lingerAfterAnswer(req: IncomingMessage): void {
  const socket = req.socket;
  // Node's server calls socket.destroySoon() when a `Connection: close` response has finished.
  socket.destroySoon = () => {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
    req.resume();
    socket.resume();
    socket.end(() => {
      if (socket.readableEnded) socket.destroy();
    });
  };
}
