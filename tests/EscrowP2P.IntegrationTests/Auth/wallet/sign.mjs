// Builds and signs a Sign-In with Ethereum message with viem, as a browser dapp would, and prints
// {"message": ..., "signature": ...} as JSON.
// Usage: node sign.mjs --private-key 0x… --nonce abc… --domain example.com --uri https://example.com --chain-id 1 [--statement "…"]
import { parseArgs } from 'node:util';
import { createSiweMessage } from 'viem/siwe';
import { privateKeyToAccount } from 'viem/accounts';

const { values } = parseArgs({
  options: {
    'private-key': { type: 'string' },
    nonce: { type: 'string' },
    domain: { type: 'string' },
    uri: { type: 'string' },
    'chain-id': { type: 'string' },
    statement: { type: 'string' },
  },
  strict: true,
});
for (const required of ['private-key', 'nonce', 'domain', 'uri', 'chain-id']) {
  if (!values[required]) throw new Error(`--${required} is required`);
}

const account = privateKeyToAccount(values['private-key']);
const message = createSiweMessage({
  address: account.address,
  chainId: Number(values['chain-id']),
  domain: values.domain,
  nonce: values.nonce,
  uri: values.uri,
  version: '1',
  statement: values.statement,
});
const signature = await account.signMessage({ message });
process.stdout.write(JSON.stringify({ message, signature }));
