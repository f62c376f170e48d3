// The whole flow a frontend goes through, type-checked against the generated client (never run by the tests).
import { HubConnectionBuilder } from "@microsoft/signalr";
import { argumentsOf, createEscrowClient, joinTrade, tradeHubPath, type TradeFeedItem } from "../src";

/** Signs text with the wallet's personal_sign (EIP-1193: `personal_sign` with [hex or text, address]). */
export type PersonalSign = (message: string, address: string) => Promise<string>;

export async function tradeFlow(baseUrl: string, address: string, sign: PersonalSign, buyer: string) {
  let accessToken: string | undefined;
  const api = createEscrowClient(baseUrl, () => accessToken);

  // 1. Sign in with Ethereum: nonce → EIP-4361 message → personal_sign → verify.
  const { data: nonce, error: nonceError } = await api.POST("/api/auth/nonce");
  if (!nonce) throw new Error(`nonce refused: ${nonceError?.title ?? "unknown"}`);
  const message = [
    `${nonce.domain} wants you to sign in with your Ethereum account:`,
    address,
    "",
    "Sign in to EscrowP2P.",
    "",
    `URI: ${window.location.origin}`,
    "Version: 1",
    `Chain ID: ${nonce.chainId}`,
    `Nonce: ${nonce.nonce}`,
    `Issued At: ${nonce.issuedAt}`,
    `Expiration Time: ${nonce.expiresAt}`,
  ].join("\n");
  const signature = await sign(message, address);
  const { data: session } = await api.POST("/api/auth/verify", { body: { message, signature } });
  if (!session) throw new Error("sign-in refused");
  accessToken = session.accessToken;
  const roles: string[] = session.roles;

  // 2. Prepare a trade as its seller: 2.5 units of a 6-decimals token, one hour to pay.
  const { data: chain } = await api.GET("/api/chain");
  const token = chain?.tokens[0]?.address ?? "0x0000000000000000000000000000000000000000";
  const { data: prepared, error } = await api.POST("/api/p2p/trades", {
    body: { buyer, token, amount: "2500000", paymentWindowSeconds: 3600 },
  });
  if (!prepared) throw new Error(`prepare refused: ${error?.title ?? "unknown"}`);
  for (const tx of prepared.transactions) {
    // Each is EIP-1193-ready: pass it to eth_sendTransaction as it is.
    const request: { from: string; to: string; data: string; value: string; gas: string } = tx;
    void request;
  }

  // 3. Read it back.
  const { data: trade } = await api.GET("/api/trades/{tradeId}", { params: { path: { tradeId: prepared.tradeId } } });
  const status: string | undefined = trade?.status;

  // 4. Follow it live: the helper rejoins after reconnects and lost messages.
  const hub = new HubConnectionBuilder()
    .withUrl(new URL(tradeHubPath, baseUrl).toString(), { accessTokenFactory: () => accessToken ?? "" })
    .withAutomaticReconnect()
    .build();
  await hub.start();
  const subscription = await joinTrade(hub, prepared.tradeId, (item: TradeFeedItem) => {
    if (item.type === "snapshot") {
      console.log(`trade ${item.snapshot.trade.tradeId} is ${item.snapshot.trade.status}, seq ${item.snapshot.lastSeq}`);
      return;
    }
    const { update } = item;
    if (update.kind === "removed") console.log(`${update.event.name} was removed by a reorg`);
    if (update.event.name === "TradeCompleted") {
      const paid = argumentsOf({ ...update.event, name: "TradeCompleted" });
      console.log(`buyer received ${paid.buyerAmount}, fee ${paid.fee}`);
    }
  });
  return { roles, status, subscription };
}
