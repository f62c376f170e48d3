using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace EscrowP2P.Api.Auth;

/// <summary>
/// The HMAC key that signs and checks access tokens: from configuration (Auth:JwtSigningKey, base64, ≥ 32 bytes),
/// or generated per process in Development, so tokens from an earlier run stop working.
/// </summary>
public sealed class JwtSigningKey
{
    public const int MinimumBytes = 32;

    private JwtSigningKey(byte[] key) => Key = new SymmetricSecurityKey(key);

    public SymmetricSecurityKey Key { get; }

    public static JwtSigningKey Create(string? configuredBase64, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(configuredBase64))
        {
            return isDevelopment
                ? new JwtSigningKey(RandomNumberGenerator.GetBytes(64))
                : throw new InvalidOperationException("Auth:JwtSigningKey is required outside Development (base64, at least 32 bytes).");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(configuredBase64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:JwtSigningKey must be base64.");
        }
        return key.Length >= MinimumBytes
            ? new JwtSigningKey(key)
            : throw new InvalidOperationException($"Auth:JwtSigningKey must decode to at least {MinimumBytes} bytes.");
    }
}
