namespace Kizuki.Features.Batch;

/// <summary>The order stores sort customer ids in: by Unicode code point (SQLite's BINARY collation, PostgreSQL's "C").</summary>
/// <remarks>
/// <see cref="string.CompareOrdinal(string, string)"/> compares UTF-16 code units, which disagrees with code-point order
/// only when a surrogate pair meets a character from U+E000 to U+FFFF; this comparer corrects that case, so merging the
/// store's ordered streams never loses a customer's events.
/// </remarks>
internal static class CustomerIdOrder
{
    /// <summary>Negative, zero or positive as <paramref name="left"/> sorts before, with or after <paramref name="right"/>.</summary>
    public static int Compare(string left, string right)
    {
        var common = Math.Min(left.Length, right.Length);
        var at = left.AsSpan(0, common).CommonPrefixLength(right.AsSpan(0, common));
        if (at == common)
        {
            return left.Length.CompareTo(right.Length);
        }

        return CodePointRank(left[at]).CompareTo(CodePointRank(right[at]));
    }

    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF, so they must rank after U+E000–U+FFFF.
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
