import createFetchClient from "openapi-fetch";
import type { paths } from "./api";

export type { paths, components, operations } from "./api";
export * from "./hub";
export { joinTrade, type TradeFeedItem, type TradeSubscription } from "./joinTrade";

/** A typed REST client for the API at baseUrl; pass the access token once signed in. */
export function createEscrowClient(baseUrl: string, accessToken?: () => string | undefined) {
  const client = createFetchClient<paths>({ baseUrl });
  if (accessToken) {
    client.use({
      onRequest({ request }) {
        const token = accessToken();
        if (token) request.headers.set("Authorization", `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
