using System.Globalization;
using System.Numerics;
using EscrowP2P.Chain.Contracts;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace EscrowP2P.Chain.Errors;

/// <summary>
/// Decodes revert data against every error declared in the compiled contracts (the escrow's own, OpenZeppelin's,
/// the ERC-20 errors of the stablecoin), plus Solidity's Error(string) and Panic(uint256).
/// </summary>
public static class ContractErrorDecoder
{
    private const string ErrorStringSelector = "08c379a0";
    private const string PanicSelector = "4e487b71";

    private static readonly Lazy<Dictionary<string, ErrorABI>> ErrorsBySelector = new(LoadErrors);

    public static ContractError Decode(string? revertData)
    {
        var hex = (revertData ?? "").RemoveHexPrefix().ToLowerInvariant();
        if (hex.Length < 8) return new ContractError("UnknownRevert", new Dictionary<string, string>());
        var selector = hex[..8];
        var payload = ("0x" + hex[8..]).HexToByteArray();
        var decoder = new ParameterDecoder();

        if (selector == ErrorStringSelector)
        {
            var message = decoder.DecodeDefaultData(payload, new Parameter("string", "message", 1))[0].Result?.ToString() ?? "";
            return new ContractError("Error", new Dictionary<string, string> { ["message"] = message });
        }
        if (selector == PanicSelector)
        {
            var code = (BigInteger)decoder.DecodeDefaultData(payload, new Parameter("uint256", "code", 1))[0].Result;
            return new ContractError("Panic", new Dictionary<string, string> { ["code"] = "0x" + code.ToString("x", CultureInfo.InvariantCulture) });
        }
        if (!ErrorsBySelector.Value.TryGetValue(selector, out var error))
        {
            return new ContractError("UnknownError", new Dictionary<string, string> { ["selector"] = "0x" + selector });
        }

        var arguments = decoder.DecodeDefaultData(payload, error.InputParameters)
            .ToDictionary(p => p.Parameter.Name, p => Format(p.Result));
        return new ContractError(error.Name, arguments);
    }

    private static string Format(object? value) => value switch
    {
        byte[] bytes => bytes.ToHex(prefix: true),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static Dictionary<string, ErrorABI> LoadErrors()
    {
        var errors = new Dictionary<string, ErrorABI>();
        foreach (var name in new[] { "P2PEscrow", "TestStablecoin" })
        {
            var abi = new ABIJsonDeserialiser().DeserialiseContract(ContractArtifacts.Get(name).AbiJson);
            foreach (var error in abi.Errors) errors.TryAdd(error.Sha3Signature.ToLowerInvariant(), error);
        }
        return errors;
    }
}
