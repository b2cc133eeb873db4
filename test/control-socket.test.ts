// DATA_DIR/control.sock is owner-only from the moment it exists: created under a restrictive umask,
// not chmod-ed after listen (which leaves a moment in which anyone on the machine could connect).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlSocketPath, sendControl, startControlServer } from '../src/control/control-socket.js';

let dir: string;
let umaskBefore: number;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'control-sock-'));
  // A common permissive umask: without the fix the socket would be created 0755.
  umaskBefore = process.umask(0o022);
});
afterEach(async () => {
  process.umask(umaskBefore);
  await rm(dir, { recursive: true, force: true });
});

describe('control socket', () => {
  it('is owner-only as soon as it listens, and the process umask is restored', async () => {
    let modeAtListen: number | null = null;
    const server = await startControlServer(dir, async () => ({ ok: true, message: 'done' }), {
      onListening: (file) => {
        modeAtListen = statSync(file).mode;
      },
    });
    try {
      expect(modeAtListen).not.toBeNull();
      expect(modeAtListen! & 0o077).toBe(0);
      expect((await stat(controlSocketPath(dir))).mode & 0o077).toBe(0);
      expect(process.umask()).toBe(0o022);
      // Still answers its owner.
      expect(await sendControl(dir, { command: 'rotate-signing-key' })).toEqual({ ok: true, message: 'done' });
    } finally {
      await server.close();
    }
  });
});
