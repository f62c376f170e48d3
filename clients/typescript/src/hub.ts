// The trade hub's contract (/hubs/trades) as the JSON on the wire. The OpenAPI document does not describe SignalR,
// so these are written by hand; a test on the server compares them with the C# types the hub sends.

/** A trade's id: the escrow's bytes32 as 0x followed by 64 lowercase hex digits (the REST API's TradeId too). */
export type TradeId = string;

/** The hub's path on the API's origin. */
export const tradeHubPath = "/hubs/trades";

/** Methods a client invokes on the hub. */
export const TradeHubMethods = {
  /** (tradeId, afterSeq | null) → TradeSnapshot; only the trade's buyer, seller or a moderator. */
  joinTrade: "JoinTrade",
  /** (tradeId) → void. */
  leaveTrade: "LeaveTrade",
} as const;

/** Methods the hub calls on the client. */
export const TradeClientMethods = {
  /** (update: TradeUpdate) */
  tradeUpdated: "TradeUpdated",
} as const;

/** What a TradeUpdate reports: an event was seen, reached the confirmation depth, or was orphaned by a reorg. */
export type TradeUpdateKind = "event" | "confirmed" | "removed";

/** The escrow's events about a trade. */
export type TradeEventName =
  | "TradeCreated"
  | "TradePaid"
  | "TradeCompleted"
  | "TradeCancelled"
  | "DisputeOpened"
  | "DisputeResolved"
  | "PayoutDeferred";

/** A trade's state; None once a reorg removed the trade's creation. */
export type TradeStatusName = "None" | "Funded" | "Paid" | "Completed" | "Cancelled" | "Disputed" | "Resolved";

// Each event's arguments by ABI name, every value a string: numbers in decimal, addresses EIP-55, bytes32 as 0x-hex.

export interface TradeCreatedArguments {
  tradeId: string;
  seller: string;
  buyer: string;
  token: string;
  amount: string;
  feeBps: string;
  expiresAt: string;
}

export interface TradePaidArguments {
  tradeId: string;
}

export interface TradeCompletedArguments {
  tradeId: string;
  buyerAmount: string;
  fee: string;
}

export interface TradeCancelledArguments {
  tradeId: string;
  by: string;
}

export interface DisputeOpenedArguments {
  tradeId: string;
  by: string;
}

export interface DisputeResolvedArguments {
  tradeId: string;
  moderator: string;
  buyerBps: string;
  buyerAmount: string;
  sellerAmount: string;
  fee: string;
}

export interface PayoutDeferredArguments {
  tradeId: string;
  to: string;
  amount: string;
}

export interface TradeEventArgumentsByName {
  TradeCreated: TradeCreatedArguments;
  TradePaid: TradePaidArguments;
  TradeCompleted: TradeCompletedArguments;
  TradeCancelled: TradeCancelledArguments;
  DisputeOpened: DisputeOpenedArguments;
  DisputeResolved: DisputeResolvedArguments;
  PayoutDeferred: PayoutDeferredArguments;
}

/** An escrow event of a trade: its arguments, where it is on the chain and how deep. */
export interface TradeEventView {
  name: TradeEventName;
  arguments: Record<string, string>;
  blockNumber: number;
  blockHash: string;
  transactionHash: string;
  logIndex: number;
  confirmations: number;
  confirmed: boolean;
  removed: boolean;
  seq: number;
}

/** A trade as its parties see it. */
export interface TradeView {
  tradeId: TradeId;
  seller: string;
  buyer: string;
  token: string;
  amount: string;
  status: TradeStatusName;
  feeBps: number | null;
  expiresAt: string | null;
  paymentWindowSeconds: number;
  offerId: string | null;
  fiatAmount: string | null;
  fiatCurrency: string | null;
  paymentMethod: string | null;
  preparedAt: string | null;
  updatedAt: string;
  lastSeq: number;
  events: TradeEventView[] | null;
}

/** What JoinTrade returns: the trade now and every event after the afterSeq it was given. */
export interface TradeSnapshot {
  trade: TradeView;
  events: TradeEventView[];
  lastSeq: number;
}

/** One message about a trade, numbered per trade by seq; status is the trade's state after it. */
export interface TradeUpdate {
  tradeId: TradeId;
  seq: number;
  kind: TradeUpdateKind;
  status: TradeStatusName;
  seller: string;
  buyer: string;
  event: TradeEventView;
}

/** The event's arguments typed by its name. */
export function argumentsOf<TName extends TradeEventName>(
  event: TradeEventView & { name: TName },
): TradeEventArgumentsByName[TName] {
  return event.arguments as unknown as TradeEventArgumentsByName[TName];
}
