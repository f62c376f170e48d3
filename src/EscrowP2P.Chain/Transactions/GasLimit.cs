using System.Numerics;

namespace EscrowP2P.Chain.Transactions;

public static class GasLimit
{
    /// <summary>The gas a transaction is sent with: the node's estimate plus Chain:GasMarginPercent, so it does not run short.</summary>
    public static BigInteger WithMargin(BigInteger estimate, int marginPercent) => estimate * (100 + marginPercent) / 100;
}
