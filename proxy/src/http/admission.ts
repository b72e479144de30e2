// Lets new requests in one per turn of the event loop, so streams already open keep flowing while a burst arrives.
import type { ServerMiddleware } from 'srvx';

/**
 * A queue of requests waiting to be let in. Starting a request (routing, checks, limits, the upstream request) costs
 * a fraction of a millisecond; started all at once, 200 requests arriving together hold up every chunk of the streams
 * already open for that whole time, and a candidate hears the pause. Let in one per turn, each new request waits at
 * most for the chunks that arrived meanwhile to be passed on, and those chunks wait at most for one request's start.
 */
export class AdmissionQueue {
  readonly #waiting: Array<() => void> = [];
  #scheduled = false;

  /** Runs `start` after this turn's I/O callbacks and the requests queued before it (one a turn); settles as it does. */
  admit<T>(start: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push(() => {
        try {
          Promise.resolve(start()).then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // setImmediate runs after the turn's I/O callbacks, so the sockets that became readable are served first.
    setImmediate(this.#letOneIn);
  }

  readonly #letOneIn = (): void => {
    this.#scheduled = false;
    const next = this.#waiting.shift();
    if (this.#waiting.length > 0) this.#schedule();
    next?.();
  };
}

/** srvx middleware that starts every request through `queue`. */
export function admissionMiddleware(queue: AdmissionQueue): ServerMiddleware {
  return (_request, next) => queue.admit(next);
}
