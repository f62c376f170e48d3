using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;

namespace EscrowP2P.Chain;

/// <summary>What an Ethereum address is, and when two are the same account: the one place these rules are written.</summary>
public static class EthereumAddress
{
    public const string Zero = "0x0000000000000000000000000000000000000000";

    /// <summary>0x followed by exactly 40 hex digits, in any case.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.Ordinal) && value[2..].All(char.IsAsciiHexDigit);

    /// <summary>Well formed and, when its digits mix upper and lower case, a valid EIP-55 checksum.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (!IsWellFormed(value)) return false;
        var digits = value.AsSpan(2);
        var singleCase = !digits.ContainsAnyInRange('a', 'f') || !digits.ContainsAnyInRange('A', 'F');
        return singleCase || AddressUtil.Current.IsChecksumAddress(value);
    }

    /// <summary>Compares addresses as accounts: case only carries the checksum.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>Whether two addresses name the same account.</summary>
    public static bool AreSame(string? a, string? b) => Comparer.Equals(a, b);

    /// <summary>The EIP-55 checksummed form.</summary>
    public static string Checksum(string address) => AddressUtil.Current.ConvertToChecksumAddress(address);
}
