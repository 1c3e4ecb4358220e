namespace Kizuki.Demo;

/// <summary>Compact, sortable demo ids: <c>C0000123</c> for customers, <c>A0000123-00042</c> for their records.</summary>
internal static class DemoIds
{
    public static string Customer(int number) =>
        string.Create(8, number, static (span, n) =>
        {
            span[0] = 'C';
            WriteDigits(span[1..], n);
        });

    /// <summary>A record id: the prefix, the customer's digits, a dash and a zero-padded sequence number.</summary>
    public static string Record(char prefix, string customerId, int sequence, int digits)
    {
        var width = Math.Max(digits, CountDigits(sequence));
        return string.Create(customerId.Length + 1 + width, (prefix, customerId, sequence), static (span, s) =>
        {
            span[0] = s.prefix;
            s.customerId.AsSpan(1).CopyTo(span[1..]);
            span[s.customerId.Length] = '-';
            WriteDigits(span[(s.customerId.Length + 1)..], s.sequence);
        });
    }

    private static int CountDigits(int value)
    {
        var count = 1;
        while (value >= 10)
        {
            value /= 10;
            count++;
        }

        return count;
    }

    private static void WriteDigits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
