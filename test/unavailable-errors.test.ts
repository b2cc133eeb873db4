// Which errors mean "the database (or Redis) is unreachable": real errors from real clients, not
// hand-made shapes. A client on a closed port gives what a stopped server gives; a unique violation
// and a plain bug stay ordinary errors (masked as internal, as before).
import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { DependencyUnavailableError, unavailableDependency } from '../src/lib/availability/index.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const caught = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: unknown) => err);

describe('unavailableDependency', () => {
  let port: number;
  let pool: pg.Pool;
  let prisma: PrismaClient;
  let t: TestApp;

  beforeAll(async () => {
    port = await closedPort();
    pool = new pg.Pool({ host: '127.0.0.1', port, user: 'nobody', database: 'none', max: 1, connectionTimeoutMillis: 1000 });
    pool.on('error', () => {});
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    t = await createTestApp();
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it('recognises a refused database connection in a model query, a raw query and a transaction', async () => {
    expect(unavailableDependency(await caught(prisma.user.findFirst()))).toBe('database');
    expect(unavailableDependency(await caught(prisma.$queryRaw`SELECT 1`))).toBe('database');
    expect(unavailableDependency(await caught(prisma.$transaction(async (tx) => tx.user.count())))).toBe('database');
    expect(unavailableDependency(await caught(pool.query('SELECT 1')))).toBe('database');
  });

  it('recognises a Redis command refused while disconnected, and our own DependencyUnavailableError', async () => {
    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    expect(unavailableDependency(await caught(redis.get('k')))).toBe('redis');
    redis.disconnect();
    expect(unavailableDependency(new DependencyUnavailableError('redis'))).toBe('redis');
  });

  it('follows GraphQL originalError and cause', async () => {
    const err = await caught(prisma.user.findFirst());
    expect(unavailableDependency({ message: 'wrapped', originalError: { cause: err } })).toBe('database');
  });

  it('leaves ordinary failures alone: a unique violation, a missing row, a bug', async () => {
    const username = `dup-${Date.now()}`;
    await t.app.deps.prisma.user.create({ data: { username } });
    const dup = await caught(t.app.deps.prisma.user.create({ data: { username } }));
    expect((dup as { code?: string }).code).toBe('P2002');
    expect(unavailableDependency(dup)).toBeNull();
    expect(unavailableDependency(await caught(t.app.deps.prisma.user.findUniqueOrThrow({ where: { id: 'nope' } })))).toBeNull();
    expect(unavailableDependency(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(unavailableDependency(null)).toBeNull();
  });
});
