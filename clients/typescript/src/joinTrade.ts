import type { HubConnection } from "@microsoft/signalr";
import { TradeClientMethods, TradeHubMethods, type TradeId, type TradeSnapshot, type TradeUpdate } from "./hub";

/** What joinTrade hands to its caller: snapshots on every (re)join, then updates in seq order, each seq once. */
export type TradeFeedItem =
  | { type: "snapshot"; snapshot: TradeSnapshot }
  | { type: "update"; update: TradeUpdate };

export interface TradeSubscription {
  /** The last seq held; a rejoin asks for everything after it. */
  readonly lastSeq: number;
  /** Stops listening and leaves the trade's group. */
  leave(): Promise<void>;
}

/**
 * Joins a trade's live feed and keeps it whole. The first join asks for everything after `afterSeq` (null: the whole
 * history); later joins only for what came after the last seq held. An update already held is dropped; one whose seq
 * skips a number means a message was lost, so the helper rejoins instead of applying it. Group membership does not
 * survive a reconnect, so the helper also rejoins on every `onreconnected`.
 */
export async function joinTrade(
  connection: HubConnection,
  tradeId: TradeId,
  onUpdate: (item: TradeFeedItem) => void,
  afterSeq: number | null = null,
): Promise<TradeSubscription> {
  let lastSeq = afterSeq ?? 0;
  let left = false;
  // While a join is under way, updates wait here: the server joins the group before it reads the snapshot, so an
  // update can arrive before the snapshot that may or may not hold it.
  let held: TradeUpdate[] | null = null;

  const apply = (update: TradeUpdate) => {
    if (update.seq <= lastSeq) return;
    if (update.seq > lastSeq + 1) {
      void join().catch(() => undefined);
      return;
    }
    lastSeq = update.seq;
    onUpdate({ type: "update", update });
  };

  const onTradeUpdated = (update: TradeUpdate) => {
    if (left || update.tradeId !== tradeId) return;
    if (held) held.push(update);
    else apply(update);
  };

  async function join(): Promise<void> {
    if (held) return; // a join is under way already; it brings everything after lastSeq
    held = [];
    try {
      const snapshot = await connection.invoke<TradeSnapshot>(TradeHubMethods.joinTrade, tradeId, lastSeq);
      if (left) return;
      lastSeq = Math.max(lastSeq, snapshot.lastSeq);
      onUpdate({ type: "snapshot", snapshot });
    } finally {
      const waiting = held;
      held = null;
      if (!left) waiting.sort((a, b) => a.seq - b.seq).forEach(apply);
    }
  }

  const onReconnected = () => {
    if (!left) void join().catch(() => undefined);
  };

  connection.on(TradeClientMethods.tradeUpdated, onTradeUpdated);
  connection.onreconnected(onReconnected);
  try {
    await join();
  } catch (error) {
    left = true;
    connection.off(TradeClientMethods.tradeUpdated, onTradeUpdated);
    throw error;
  }

  return {
    get lastSeq() {
      return lastSeq;
    },
    async leave() {
      left = true;
      connection.off(TradeClientMethods.tradeUpdated, onTradeUpdated);
      await connection.invoke(TradeHubMethods.leaveTrade, tradeId);
    },
  };
}
