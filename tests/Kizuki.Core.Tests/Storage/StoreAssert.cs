using Kizuki.Domain;

namespace Kizuki.Tests.Storage;

/// <summary>Equality for records whose collections compare by reference: customers (attributes) and orders (lines).</summary>
internal static class StoreAssert
{
    public static void Equal(Customer expected, Customer actual)
    {
        Assert.Equal(expected with { Attributes = Customer.NoAttributes }, actual with { Attributes = Customer.NoAttributes });
        Assert.Equal(
            expected.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal),
            actual.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(TimeSpan.Zero, actual.SignupAt.Offset);
    }

    public static void Equal(Order expected, Order actual)
    {
        Assert.Equal(expected with { Lines = Order.NoLines }, actual with { Lines = Order.NoLines });
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(TimeSpan.Zero, actual.OrderedAt.Offset);
    }

    public static void Equal(IReadOnlyList<Order> expected, IReadOnlyList<Order> actual)
    {
        Assert.Equal(expected.Select(o => o.Id), actual.Select(o => o.Id));
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i]);
        }
    }

    /// <summary>The decimal is the same value and written the same way (scale kept).</summary>
    public static void Exact(decimal expected, decimal actual) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            actual.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
