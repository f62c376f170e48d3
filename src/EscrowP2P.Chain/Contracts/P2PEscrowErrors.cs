using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.Chain.Contracts;

// The escrow's custom errors, plus the OpenZeppelin errors it can raise.

[Error("TradeAlreadyExists")]
public sealed class TradeAlreadyExistsError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[Error("TradeNotFound")]
public sealed class TradeNotFoundError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
}

[Error("InvalidStatus")]
public sealed class InvalidStatusError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("uint8", "status", 2)] public byte Status { get; set; }
}

[Error("NotSeller")]
public sealed class NotSellerError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "caller", 2)] public string Caller { get; set; } = "";
}

[Error("NotBuyer")]
public sealed class NotBuyerError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "caller", 2)] public string Caller { get; set; } = "";
}

[Error("NotParty")]
public sealed class NotPartyError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "caller", 2)] public string Caller { get; set; } = "";
}

[Error("ModeratorIsParty")]
public sealed class ModeratorIsPartyError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("address", "moderator", 2)] public string Moderator { get; set; } = "";
}

[Error("InvalidBuyer")]
public sealed class InvalidBuyerError
{
    [Parameter("address", "buyer", 1)] public string Buyer { get; set; } = "";
}

[Error("InvalidAmount")] public sealed class InvalidAmountError;

[Error("TokenNotAllowed")]
public sealed class TokenNotAllowedError
{
    [Parameter("address", "token", 1)] public string Token { get; set; } = "";
}

[Error("IncorrectEthValue")]
public sealed class IncorrectEthValueError
{
    [Parameter("uint256", "expected", 1)] public BigInteger Expected { get; set; }
    [Parameter("uint256", "actual", 2)] public BigInteger Actual { get; set; }
}

[Error("PaymentWindowOutOfBounds")]
public sealed class PaymentWindowOutOfBoundsError
{
    [Parameter("uint64", "paymentWindow", 1)] public ulong PaymentWindow { get; set; }
    [Parameter("uint64", "minPaymentWindow", 2)] public ulong MinPaymentWindow { get; set; }
    [Parameter("uint64", "maxPaymentWindow", 3)] public ulong MaxPaymentWindow { get; set; }
}

[Error("PaymentWindowBoundsInvalid")]
public sealed class PaymentWindowBoundsInvalidError
{
    [Parameter("uint64", "minPaymentWindow", 1)] public ulong MinPaymentWindow { get; set; }
    [Parameter("uint64", "maxPaymentWindow", 2)] public ulong MaxPaymentWindow { get; set; }
}

[Error("PaymentWindowExpired")]
public sealed class PaymentWindowExpiredError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("uint64", "expiresAt", 2)] public ulong ExpiresAt { get; set; }
}

[Error("CancelNotYetAllowed")]
public sealed class CancelNotYetAllowedError
{
    [Parameter("bytes32", "tradeId", 1)] public byte[] TradeId { get; set; } = [];
    [Parameter("uint64", "allowedAt", 2)] public ulong AllowedAt { get; set; }
}

[Error("TransferShortfall")]
public sealed class TransferShortfallError
{
    [Parameter("uint256", "expected", 1)] public BigInteger Expected { get; set; }
    [Parameter("uint256", "received", 2)] public BigInteger Received { get; set; }
}

[Error("FeeTooHigh")]
public sealed class FeeTooHighError
{
    [Parameter("uint16", "feeBps", 1)] public ushort FeeBps { get; set; }
    [Parameter("uint16", "maxFeeBps", 2)] public ushort MaxFeeBps { get; set; }
}

[Error("InvalidBuyerBps")]
public sealed class InvalidBuyerBpsError
{
    [Parameter("uint16", "buyerBps", 1)] public ushort BuyerBps { get; set; }
}

[Error("ZeroAddress")] public sealed class ZeroAddressError;

[Error("NothingToWithdraw")]
public sealed class NothingToWithdrawError
{
    [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    [Parameter("address", "token", 2)] public string Token { get; set; } = "";
}

[Error("InvalidRecipient")]
public sealed class InvalidRecipientError
{
    [Parameter("address", "to", 1)] public string To { get; set; } = "";
}

[Error("EthTransferFailed")]
public sealed class EthTransferFailedError
{
    [Parameter("address", "to", 1)] public string To { get; set; } = "";
    [Parameter("uint256", "amount", 2)] public BigInteger Amount { get; set; }
}

[Error("AccessControlUnauthorizedAccount")]
public sealed class AccessControlUnauthorizedAccountError
{
    [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    [Parameter("bytes32", "neededRole", 2)] public byte[] NeededRole { get; set; } = [];
}

[Error("EnforcedPause")] public sealed class EnforcedPauseError;

[Error("ReentrancyGuardReentrantCall")] public sealed class ReentrancyGuardReentrantCallError;

[Error("SafeERC20FailedOperation")]
public sealed class SafeErc20FailedOperationError
{
    [Parameter("address", "token", 1)] public string Token { get; set; } = "";
}
