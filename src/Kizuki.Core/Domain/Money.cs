namespace Kizuki.Domain;

/// <summary>An amount of money in one currency.</summary>
/// <remarks>
/// Amounts are decimals so that yen (no minor unit) and dollars (two) are both exact.
/// The currency is an ISO 4217 code; Kizuki assumes JPY when a source does not say.
/// </remarks>
/// <param name="Amount">The amount, in the currency's major unit.</param>
/// <param name="Currency">ISO 4217 code such as <c>JPY</c> or <c>USD</c>.</param>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>The currency used when a source names none.</summary>
    public const string DefaultCurrency = "JPY";

    /// <summary>An amount in yen.</summary>
    public static Money Yen(decimal amount) => new(amount, DefaultCurrency);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount} {Currency}");
}
