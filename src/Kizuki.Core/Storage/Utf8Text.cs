namespace Kizuki.Storage;

/// <summary>
/// Text already encoded as UTF-8 (e.g. JSON written by <c>Utf8JsonWriter</c>), bound to a prepared statement as text
/// without a round trip through a .NET string; SQLite stores UTF-8, so the bytes go in as they are.
/// </summary>
/// <param name="Bytes">The UTF-8 bytes (no terminator).</param>
internal sealed record Utf8Text(byte[] Bytes);
