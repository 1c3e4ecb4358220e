using System.Globalization;
using Kizuki.Features.History;

namespace Kizuki.Lifetime;

/// <summary>One fit of the purchase model behind the lifetime features: at which as-of, with what parameters, or why none.</summary>
/// <param name="FittedBefore">The as-of: the fit read only orders strictly before it.</param>
/// <param name="Model"><c>bgnbd</c> or <c>pareto</c>.</param>
/// <param name="Parameters">r, α, a, b (BG/NBD) or r, α, s, β (Pareto/NBD), in days; a = 0 (s = 0) marks a fit at the no-dropout
/// (NBD) limit, where b (β) has no effect; null when the data could not identify the model.</param>
/// <param name="Customers">Customers the fit saw.</param>
/// <param name="Failure">Why there are no parameters (the fit's message in Japanese and English); null when there are.</param>
public sealed record LifetimeFeatureFit(DateTimeOffset FittedBefore, string Model, IReadOnlyList<double>? Parameters, int Customers, string? Failure)
{
    /// <summary>The fitted model, or null when the data could not identify it.</summary>
    public IPurchaseModel? CreateModel()
    {
        if (Parameters is not { Count: 4 } p)
        {
            return null;
        }

        return Model == LifetimeFeatureModels.ParetoModel
            ? new ParetoNbdModel(p[0], p[1], p[2], p[3], 0, TimePeriod.Day)
            : new BgNbdModel(p[0], p[1], p[2], p[3], 0, TimePeriod.Day);
    }
}

/// <summary>
/// The purchase-model fits the lifetime features (<c>p_alive</c>, <c>expected_purchases_window</c>,
/// <c>p_no_purchase_window</c>) read: one per as-of, each fitted on orders strictly before it.
/// </summary>
/// <remarks>
/// <para>A training set fits one per cutoff, so the features of a cutoff never see a later order, plus one at the end of
/// the training data, which travels with the trained model (in its <c>model.json</c>): scoring, explanations and the live
/// scorer then use those same parameters. A feature at as-of T uses the latest fit not after T, and is missing (NaN)
/// before the first fit or when that fit failed.</para>
/// <para>Customers are summarised from their completed orders in the <see cref="HorizonDays"/> days before the as-of,
/// with days counted back from the as-of (so values are the same in every time zone, and the live state, which keeps
/// that much history, agrees with the batch).</para>
/// </remarks>
/// <param name="Model"><c>bgnbd</c> (default) or <c>pareto</c>.</param>
/// <param name="WindowDays">The churn window H, in days: expected purchases and P(no purchase) look this far ahead.</param>
/// <param name="Fits">The fits, by as-of ascending.</param>
public sealed partial record LifetimeFeatureModels(string Model, int WindowDays, IReadOnlyList<LifetimeFeatureFit> Fits)
{
    /// <summary>The BG/NBD model's key.</summary>
    public const string BgNbdModelKey = "bgnbd";

    /// <summary>The Pareto/NBD model's key.</summary>
    public const string ParetoModel = "pareto";

    /// <summary>The day number the as-of's own day gets (days before it count down from here); only differences of days matter.</summary>
    private const int RelativeDayBase = 2_000_000;

    /// <summary>How far back the features read orders, in days (the live state's longest window).</summary>
    public const int HorizonDays = 730;

    /// <summary>The fit a feature at <paramref name="asOf"/> (ms) uses: the latest not after it; null before the first.</summary>
    public LifetimeFeatureFit? FitFor(long asOf)
    {
        var index = IndexFor(asOf);
        return index < 0 ? null : Fits[index];
    }

    /// <summary>The model a feature at <paramref name="asOf"/> (ms) uses; null when there is none or it failed.</summary>
    public IPurchaseModel? ModelFor(long asOf)
    {
        var index = IndexFor(asOf);
        return index < 0 ? null : Fits[index].CreateModel();
    }

    /// <summary>The position in <see cref="Fits"/> of the fit a feature at <paramref name="asOf"/> (ms) uses; −1 before the first.</summary>
    public int IndexFor(long asOf)
    {
        var found = -1;
        for (var i = 0; i < Fits.Count; i++)
        {
            if (Millis.Of(Fits[i].FittedBefore) <= asOf)
            {
                found = i;
            }
        }

        return found;
    }

    /// <summary>Throws naming the setting when the model or window is not one the features support.</summary>
    public void Validate()
    {
        if (Model is not (BgNbdModelKey or ParetoModel))
        {
            throw new InvalidDataException($"lifetime features: model must be bgnbd or pareto, not '{Model}'.");
        }

        if (WindowDays is < 1 or > 730)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"lifetime features: windowDays must be 1–730, not {WindowDays}."));
        }
    }

    /// <summary>
    /// A customer's summary at <paramref name="asOf"/> (ms): completed orders in the <see cref="HorizonDays"/> days before
    /// it, days counted back from it (the day before the as-of is day −1); null without such an order.
    /// </summary>
    public static CustomerSummary? Summarise(CustomerHistory history, long asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var orders = history.Orders;
        var from = orders.LowerBound(asOf - (HorizonDays * Millis.Day));
        var to = orders.LowerBound(asOf);
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += orders[i].Status == Domain.OrderStatus.Completed ? 1 : 0;
        }

        if (count == 0)
        {
            return null;
        }

        Span<int> days = count <= 256 ? stackalloc int[count] : new int[count];
        Span<double> amounts = count <= 256 ? stackalloc double[count] : new double[count];
        var at = 0;
        for (var i = from; i < to; i++)
        {
            ref readonly var order = ref orders[i];
            if (order.Status == Domain.OrderStatus.Completed)
            {
                days[at] = RelativeDayBase - (int)((asOf - order.Time - 1) / Millis.Day) - 1;
                amounts[at++] = order.Amount;
            }
        }

        return CustomerSummaries.Summarise(history.CustomerId, days, amounts, RelativeDayBase - 1, 1);
    }
}
