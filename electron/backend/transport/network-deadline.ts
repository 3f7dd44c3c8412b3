/**
 * A deadline for the network part of a connection only. It stops while VirtDesk waits for a person
 * (host key, passphrase, password, keyboard-interactive questions) and starts a fresh window when
 * the answer is in, because the next step is a new round trip. OpenSSH waits as long as the person
 * needs; so do we.
 */
export class NetworkDeadline {
  private timer: NodeJS.Timeout | undefined;
  private waitingForPerson = 0;
  private done = false;

  constructor(
    private readonly ms: number,
    private readonly onExpired: () => void,
  ) {}

  start(): void {
    this.arm();
  }

  /** Wraps a question to a person: the deadline does not run until it is answered. */
  async whilePersonAnswers<T>(question: () => Promise<T>): Promise<T> {
    this.waitingForPerson++;
    clearTimeout(this.timer);
    try {
      return await question();
    } finally {
      this.waitingForPerson--;
      this.arm();
    }
  }

  stop(): void {
    this.done = true;
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.done || this.waitingForPerson > 0 || this.ms <= 0) return;
    this.timer = setTimeout(() => {
      this.done = true;
      this.onExpired();
    }, this.ms);
  }
}
