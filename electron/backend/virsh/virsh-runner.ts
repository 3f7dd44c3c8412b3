/** What domain code needs from a virsh shell; VirshShell implements it, unit tests pass fakes. */
export interface VirshRunner {
  run(argv: readonly string[], timeoutMs?: number): Promise<string>;
}
