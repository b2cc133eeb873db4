// The subset of fs-native-extensions (holepunch) this service uses: advisory whole-file locks
// (open-file-description locks on Linux, flock on macOS, LockFileEx on Windows).
declare module 'fs-native-extensions' {
  export function tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}
