using EscrowP2P.Chain.Contracts;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EscrowP2P.Core.Persistence;

/// <summary>Stores a <see cref="TradeId"/> as its text, so the column stays the 0x-hex string it always was.</summary>
public sealed class TradeIdConverter() : ValueConverter<TradeId, string>(id => id.Hex, text => TradeId.Parse(text));
