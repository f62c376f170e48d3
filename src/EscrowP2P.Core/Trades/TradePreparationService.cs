using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Chain.Transactions;
using EscrowP2P.Core.Errors;
using EscrowP2P.Core.Persistence;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Core.Trades;

/// <summary>
/// Prepares a new trade: picks the salt that, with the seller's address, makes its id on-chain, checks it against the
/// contract's current rules and the offer it takes, simulates the transactions, and only then stores the off-chain
/// details.
/// </summary>
public sealed class TradePreparationService(
    EscrowDbContext db, EscrowService escrow, EscrowParameters parameters, OpenPreparations preparations, TimeProvider time)
{
    public async Task<PreparedTrade> PrepareAsync(PrepareTradeCommand command, CancellationToken cancellationToken)
    {
        if (EthereumAddress.AreSame(command.Buyer, command.Seller))
        {
            throw new RequestFieldException("buyer", "The buyer must be another address than the seller (you).");
        }

        var settings = await parameters.GetAsync(cancellationToken);
        if (settings.Paused) throw new ConflictException("The escrow is paused: it accepts no new trades for now.");
        if (command.PaymentWindowSeconds < settings.MinPaymentWindowSeconds || command.PaymentWindowSeconds > settings.MaxPaymentWindowSeconds)
        {
            throw new RequestFieldException("paymentWindowSeconds",
                $"The payment window must be between {settings.MinPaymentWindowSeconds} and {settings.MaxPaymentWindowSeconds} seconds.");
        }
        if (command.OfferId is { } offerId) await CheckOfferAsync(offerId, command, cancellationToken);

        await preparations.RemoveExpiredAsync(cancellationToken);
        var salt = TradeIdDerivation.NewSalt();
        var tradeId = TradeId.Of(command.Seller, salt);
        var transactions = await escrow.PrepareCreateTradeAsync(
            new TradeTerms(salt, command.Seller, command.Buyer, command.Token, command.Amount, command.PaymentWindowSeconds),
            await preparations.PromisedAllowanceAsync(command.Seller, command.Token, cancellationToken),
            cancellationToken);

        var now = time.GetUtcNow();
        db.Trades.Add(new Trade
        {
            TradeId = tradeId,
            Seller = command.Seller,
            Buyer = command.Buyer,
            Token = command.Token,
            Amount = command.Amount.ToString(CultureInfo.InvariantCulture),
            PaymentWindowSeconds = (long)command.PaymentWindowSeconds,
            OfferId = command.OfferId,
            FiatAmount = command.FiatAmount,
            FiatCurrency = command.FiatCurrency,
            PaymentMethod = command.PaymentMethod,
            PreparedAt = now,
            UpdatedAt = now,
            Status = TradeStatus.None,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new PreparedTrade(tradeId, salt.ToHex(prefix: true), transactions);
    }

    private async Task CheckOfferAsync(Guid offerId, PrepareTradeCommand command, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.FindAsync([offerId], cancellationToken);
        if (offer is null || offer.WithdrawnAt is not null || !EthereumAddress.AreSame(offer.Seller, command.Seller))
        {
            throw new RequestFieldException("offerId", "No open offer of yours has this id.");
        }
        if (!EthereumAddress.AreSame(offer.Token, command.Token))
        {
            throw new RequestFieldException("token", "The token differs from the offer's token.");
        }
        if (command.Amount < BigInteger.Parse(offer.MinAmount, CultureInfo.InvariantCulture) || command.Amount > BigInteger.Parse(offer.MaxAmount, CultureInfo.InvariantCulture))
        {
            throw new RequestFieldException("amount", $"The offer accepts amounts from {offer.MinAmount} to {offer.MaxAmount}.");
        }
    }
}
