using Kizuki.Explanations;
using Kizuki.Features.Batch;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.Scoring;

/// <summary>Scores every active customer of a feature table with a trained churn model, in one batch.</summary>
/// <remarks>
/// Active means the customer can still churn: for a contractual business a running subscription
/// (<c>has_running_subscription</c> = 1); otherwise an order within the last year (<c>orders_365d</c> &gt; 0).
/// The whole table is encoded into one design matrix and predicted in one call, which is what makes scoring fast.
/// </remarks>
internal static class ChurnScorer
{
    /// <summary>The model metadata's name of the contractual churn kind.</summary>
    public const string Contractual = "contractual";

    /// <summary>The feature that says a subscription is running (1) or not (0).</summary>
    public const string RunningSubscriptionFeature = "has_running_subscription";

    /// <summary>The feature that counts orders in the last 365 days.</summary>
    public const string RecentOrdersFeature = "orders_365d";

    /// <summary>The feature that holds the monthly recurring amount; × 12 is the annual recurring revenue.</summary>
    public const string MonthlyRecurringFeature = "monthly_recurring_amount";

    /// <summary>The feature that sums spend in the last 365 days.</summary>
    public const string RecentSpendFeature = "spend_365d";

    /// <summary>Scores the active customers of <paramref name="table"/>; with an explainer, each score also gets its reasons.</summary>
    /// <remarks>
    /// With <paramref name="explainer"/> (made for the same model), the probabilities come from the same batch as the exact
    /// contributions, and each <see cref="StoredScore.Reasons"/> holds the top reasons and the suggested action as JSON.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model reads a feature the table lacks (the catalog changed since training).</exception>
    public static ScoringRun Score(FeatureTable table, ChurnEnsemble model, ModelMetadata metadata, ScoringSettings settings,
        DateTimeOffset scoredAt, Explainer? explainer = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(settings);
        var columns = model.Encoder.Columns;
        var positions = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            positions[c] = table.IndexOf(columns[c].Name);
            if (positions[c] < 0)
            {
                throw new InvalidOperationException(
                    $"モデル v{metadata.Version} が使う特徴量 {columns[c].Name} が現在の設定にありません。`kizuki train` で学習し直してください。 / " +
                    $"model v{metadata.Version} reads feature {columns[c].Name}, which the current settings no longer define; run `kizuki train` again.");
            }
        }

        var rows = ActiveRows(table, metadata.ChurnKind);
        if (explainer is not null && !ReferenceEquals(explainer.Model, model))
        {
            throw new ArgumentException("The explainer explains another model.", nameof(explainer));
        }

        var batch = explainer?.Explain(table, rows);
        var reasons = batch?.AllReasons();
        var probabilities = batch is not null
            ? batch.Contributions.Probabilities
            : model.Probabilities(model.Encoder.Encode(c => table.Numbers(positions[c]), c => table.Categories(positions[c]), rows));
        var revenue = RevenueBase(table, metadata.ChurnKind);
        var names = columns.Select(c => c.Name).ToArray();
        var numbers = positions.Select((p, c) => columns[c].IsCategorical ? null : table.Numbers(p)).ToArray();
        var categories = positions.Select((p, c) => columns[c].IsCategorical ? table.Categories(p) : null).ToArray();
        var scores = new StoredScore[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var features = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
            for (var c = 0; c < names.Length; c++)
            {
                features[names[c]] = numbers[c] is { } column
                    ? (double.IsFinite(column[row]) ? column[row] : null)
                    : categories[c]![row];
            }

            var probability = Math.Clamp(probabilities[i], 0, 1);
            scores[i] = new StoredScore(table.CustomerIds[row], table.AsOf, metadata.Version, probability, settings.BandOf(probability),
                RevenueAtRisk(probability, revenue[row]), features, scoredAt)
            {
                Reasons = reasons is null ? null : ReasonsJson.Write(reasons[i]),
            };
        }

        return new ScoringRun(table, metadata, rows, scores, names, reasons, batch);
    }

    /// <summary>The rows of customers who can still churn under the model's churn kind.</summary>
    public static IReadOnlyList<int> ActiveRows(FeatureTable table, string churnKind)
    {
        ArgumentNullException.ThrowIfNull(table);
        var contractual = churnKind == Contractual;
        var feature = table.IndexOf(contractual ? RunningSubscriptionFeature : RecentOrdersFeature);
        if (feature < 0)
        {
            return [.. Enumerable.Range(0, table.RowCount)];
        }

        var values = table.Numbers(feature);
        var rows = new List<int>(table.RowCount);
        for (var r = 0; r < values.Count; r++)
        {
            if (contractual ? values[r] == 1 : values[r] > 0)
            {
                rows.Add(r);
            }
        }

        return rows;
    }

    /// <summary>
    /// What each row's customer brings in a year: annual recurring revenue (monthly recurring amount × 12) for a
    /// contractual business, spend in the last 365 days otherwise; 0 when unknown.
    /// </summary>
    public static double[] RevenueBase(FeatureTable table, string churnKind)
    {
        ArgumentNullException.ThrowIfNull(table);
        var contractual = churnKind == Contractual;
        var result = new double[table.RowCount];
        var feature = table.IndexOf(contractual ? MonthlyRecurringFeature : RecentSpendFeature);
        if (feature < 0)
        {
            return result;
        }

        var values = table.Numbers(feature);
        var factor = contractual ? 12.0 : 1.0;
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = double.IsFinite(values[r]) ? values[r] * factor : 0;
        }

        return result;
    }

    /// <summary>Probability × revenue, rounded to whole currency units (the amount is an expectation, not an invoice).</summary>
    public static decimal RevenueAtRisk(double probability, double revenue) =>
        double.IsFinite(probability * revenue)
            ? Math.Round((decimal)(probability * revenue), 0, MidpointRounding.AwayFromZero)
            : 0m;
}
