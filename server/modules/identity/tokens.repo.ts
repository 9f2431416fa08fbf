import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userTokens } from '../../db/schema';

export type TokenKind = 'reset' | 'invite';

export async function insertToken(db: Db, row: { userId: string; kind: TokenKind; tokenHash: string; expiresAt: Date }): Promise<void> {
  await db.insert(userTokens).values(row);
}

/** An unused, unexpired token of a kind, by its hash. */
export async function findUsableToken(db: Db, tokenHash: string, kind: TokenKind, now: Date): Promise<{ id: string; userId: string } | null> {
  const rows = await db.select({ id: userTokens.id, userId: userTokens.userId }).from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.kind, kind), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/** Uses a token up; false when it was used already (two requests racing for the same link). */
export async function consumeToken(db: Db, tokenId: string, now: Date): Promise<boolean> {
  const rows = await db.update(userTokens).set({ usedAt: now })
    .where(and(eq(userTokens.id, tokenId), isNull(userTokens.usedAt))).returning({ id: userTokens.id });
  return rows.length === 1;
}

/** Retires every open token of a kind for a user (a new invitation replaces the old link). */
export async function retireTokens(db: Db, userId: string, kind: TokenKind, now: Date): Promise<void> {
  await db.update(userTokens).set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.kind, kind), isNull(userTokens.usedAt)));
}

/** When the newest token of a kind was made for a user (to damp repeated reset requests). */
export async function latestTokenAt(db: Db, userId: string, kind: TokenKind): Promise<Date | null> {
  const rows = await db.select({ createdAt: userTokens.createdAt }).from(userTokens)
    .where(and(eq(userTokens.userId, userId), eq(userTokens.kind, kind)))
    .orderBy(desc(userTokens.createdAt)).limit(1);
  return rows[0]?.createdAt ?? null;
}
