using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kizuki.Storage;

/// <summary>Salted PBKDF2-SHA256 password hashes that carry their own iteration count.</summary>
/// <remarks>
/// Format: <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in base64). Because the count is stored with the
/// hash, raising <see cref="DefaultIterations"/> later keeps old hashes verifiable. The comparison is constant-time.
/// </remarks>
public static class PasswordHasher
{
    /// <summary>Iterations for new hashes: 600,000, OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Hashes a password with a fresh random salt.</summary>
    /// <param name="password">The password; at least 8 characters.</param>
    /// <param name="iterations">PBKDF2 iterations, at least 1 (tests use fewer than the default to stay fast).</param>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; false for a malformed hash.</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A random password of 20 characters from an unambiguous alphabet, for generated accounts.</summary>
    public static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}

/// <summary>API keys: <c>kz_ID_SECRET</c>, stored as the SHA-256 of the whole key and shown once.</summary>
/// <remarks>
/// The secret is 32 random bytes, so a fast hash suffices (a slow one protects guessable passwords, not random keys);
/// the id lets a request's key be found with one indexed read, and the hash comparison is constant-time.
/// </remarks>
public static class ApiKeys
{
    private const string Prefix = "kz_";

    /// <summary>Creates a key: the plain key to show once, and the record to store.</summary>
    public static (string Key, ApiKeyRecord Record) Create(AccountRole role, string? label, string createdBy, DateTimeOffset at)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Prefix}{id}_{secret}";
        return (key, new ApiKeyRecord(id, HashOf(key), role, label, at, createdBy, null));
    }

    /// <summary>The id part of a key, or null when the text is not shaped like a key.</summary>
    public static string? IdOf(string key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('_', Prefix.Length);
        return end <= Prefix.Length ? null : key[Prefix.Length..end];
    }

    /// <summary>Whether <paramref name="key"/> is the key of <paramref name="record"/> and the record is not revoked.</summary>
    public static bool Matches(string key, ApiKeyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RevokedAt is not null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(key)), Encoding.ASCII.GetBytes(record.SecretHash));
    }

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
