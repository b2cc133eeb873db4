// At most as many slow hashes (argon2, bcrypt) run at once as the machine has cores. argon2 runs
// on libuv's threadpool (4 threads by default): on two cores, four hashing threads took every core
// and the event loop, which serves every other request, waited for its turn behind them (`me` p99
// went from 56 to 353 ms while sign-ins saturated the server, docs/performance.md). Hashing
// throughput does not grow with more threads than cores, so the queue costs sign-ins nothing, and
// a waiting hash holds no thread, only a promise.
import { availableParallelism } from 'node:os';

const SLOTS = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` once a slot is free; the slot is given to the next waiting hash when it ends. */
export async function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resume) => waiting.push(resume));
  else running += 1;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line (running stays the same), or is freed.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
