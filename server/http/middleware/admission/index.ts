// Admission control: at most `max` requests in progress, a bounded queue in front, and early, fair load
// shedding, so that under overload a new client gets an answer or a fast 503 + Retry-After instead of a
// long wait. A request is refused at once when the queue is full, when its estimated wait (queue position
// × recent service time) exceeds the budget, or when the process is already behind (event-loop lag over
// the budget: on Node the real queue is the sockets waiting to be read, which no counter here can see).
//
// Every way out of a request (completion, error, deadline) releases its slot exactly once; a handler still
// running at the deadline is answered with 504 and gives its slot back then, so nothing can hold a slot
// for longer than the request timeout.
//
// Turns: Node's event loop accepts one new connection per turn, and one turn runs the handlers of every
// keep-alive socket that has a request ready (256 busy connections made turns of ~300 ms: a fresh client
// waited seconds in the kernel's accept queue before the server even saw it). So admitted work may run
// for `turnBudgetMs` per turn; what arrives after that waits in the queue for the next turn, which comes
// after the loop has polled for I/O again (accepted a connection, answered /healthz, shed what does not
// fit). Handlers that await real I/O are unaffected: the budget is wall time spent in one turn.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';

/** What a client is told to wait after a 503: long enough for a slot to free up in the usual case. */
const RETRY_AFTER_S = 1;
/** Weight of the newest request in the moving average of service time. */
const EWMA_WEIGHT = 0.1;
/** Work per event-loop turn: a few answers, short enough that a fresh connection is accepted within tens of ms. */
const TURN_BUDGET_MS = 8;

export interface AdmissionOptions {
  max: number;
  queue: number;
  /** The longest a request may wait for a slot. */
  budgetMs: number;
  /** Event-loop lag beyond which work is shed. */
  shedLagMs: number;
  /** Default deadline for requests that did not get one from the body reader. */
  timeoutMs: number;
  /** How far behind the event loop is right now (ms); 0 where it cannot be measured. */
  lagMs?: () => number;
  /** Runs a function in the next event-loop turn, after I/O has been polled (Node's setImmediate); without it turns are not bounded. */
  nextTurn?: (run: () => void) => void;
  /** Wall time admitted work may take per turn (default TURN_BUDGET_MS). */
  turnBudgetMs?: number;
}

export interface PoolStatus {
  inUse: number;
  queued: number;
  max: number;
  queueLimit: number;
  lagMs: number;
  /** False when a new request could not be served now: queue full or the process far behind. */
  healthy: boolean;
}

interface Waiter {
  resume: () => void;
}

export class Admission {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private serviceMs = 1;
  private readonly lag: () => number;
  /** When the current turn's work began (performance.now()), and whether the next turn is already asked for. */
  private turnStarted = 0;
  private turnPending = false;

  constructor(private readonly options: AdmissionOptions) {
    this.lag = options.lagMs ?? (() => 0);
  }

  status(): PoolStatus {
    const lagMs = Math.round(this.lag());
    const { max, queue, shedLagMs } = this.options;
    return {
      inUse: this.active,
      queued: this.waiting.length,
      max,
      queueLimit: queue,
      lagMs,
      healthy: this.waiting.length < queue && lagMs <= shedLagMs,
    };
  }

  readonly middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const deadline = c.get('deadline') ?? Date.now() + this.options.timeoutMs;
    await this.acquire();
    const started = Date.now();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.serviceMs += EWMA_WEIGHT * (Date.now() - started - this.serviceMs);
      this.handOver();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        release();
        reject(new ApiError(504, 'timeout'));
      }, Math.max(0, deadline - started));
    });
    try {
      await Promise.race([next(), late]);
    } finally {
      clearTimeout(timer);
      release();
    }
  };

  private async acquire(): Promise<void> {
    const { max, queue, budgetMs, shedLagMs } = this.options;
    if (this.lag() > shedLagMs) throw overloaded();
    if (this.active < max && this.waiting.length === 0 && !this.turnSpent()) {
      this.active++;
      return;
    }
    const expectedWait = Math.ceil((this.waiting.length + 1) / max) * this.serviceMs;
    if (this.waiting.length >= queue || expectedWait > budgetMs) throw overloaded();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resume: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(overloaded());
      }, budgetMs);
      this.waiting.push(waiter);
    });
  }

  /** A freed slot goes straight to the oldest waiter (the count stays) while the turn allows, else back to the pool. */
  private handOver(): void {
    if (this.waiting.length > 0 && !this.turnSpent()) this.waiting.shift()!.resume();
    else this.active--;
  }

  /** Whether this turn's budget is used up; the first work of a turn starts its clock and asks for the next turn. */
  private turnSpent(): boolean {
    const { nextTurn, turnBudgetMs = TURN_BUDGET_MS } = this.options;
    if (!nextTurn) return false;
    const now = performance.now();
    if (!this.turnPending) {
      this.turnPending = true;
      this.turnStarted = now;
      nextTurn(() => this.newTurn());
    }
    return now - this.turnStarted >= turnBudgetMs;
  }

  /** A new turn: queued requests get the free slots it allows. */
  private newTurn(): void {
    this.turnPending = false;
    while (this.active < this.options.max && this.waiting.length > 0 && !this.turnSpent()) {
      this.active++;
      this.waiting.shift()!.resume();
    }
  }
}

const overloaded = () => new ApiError(503, 'overloaded', {}, RETRY_AFTER_S);
