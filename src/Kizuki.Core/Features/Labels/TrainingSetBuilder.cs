using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Labels;

/// <summary>Builds a training set: the catalog's features and the churn label of every eligible customer at several cutoffs.</summary>
/// <remarks>
/// Each customer's history is read once, with every event before the data end, and evaluated at every cutoff:
/// features see only events strictly before the cutoff, the label only the window after it. Histories are used
/// while they are current and never kept, so a reader may reuse one history object for the next customer.
/// </remarks>
internal sealed partial class TrainingSetBuilder
{
    private readonly FeatureCatalog _catalog;
    private readonly LabelBuilder _labels;
    private readonly int[] _numeric;
    private readonly int[] _categorical;

    /// <summary>A builder over a catalog and a resolved churn definition (see <see cref="ChurnDefinition.Resolve(bool)"/>).</summary>
    public TrainingSetBuilder(FeatureCatalog catalog, ChurnDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _labels = new LabelBuilder(definition);
        var kinds = catalog.Definitions.Select((d, i) => (d.Kind, i)).ToArray();
        _numeric = [.. kinds.Where(k => k.Kind == FeatureKind.Numeric).Select(k => k.i)];
        _categorical = [.. kinds.Where(k => k.Kind == FeatureKind.Categorical).Select(k => k.i)];
    }

    /// <summary>The labelling rules applied.</summary>
    public LabelBuilder Labels => _labels;

    /// <summary>Labels and features of every eligible customer at every cutoff, from histories in any order.</summary>
    /// <param name="histories">One history per customer, each holding every event before <paramref name="dataEnd"/>.</param>
    /// <param name="cutoffs">The cutoffs (ms), e.g. from <see cref="CutoffSchedule.Cutoffs"/>; duplicates count once.</param>
    /// <param name="dataEnd">The end of the data (ms); every cutoff's window must end by it.</param>
    /// <exception cref="ArgumentException">A cutoff's window reaches past the data end; its labels would be wrong.</exception>
    public TrainingSet Build(IEnumerable<CustomerHistory> histories, IReadOnlyList<long> cutoffs, long dataEnd)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var times = CheckCutoffs(cutoffs, dataEnd);
        return Assemble(times, [Gather(histories, times)]);
    }

    /// <summary>
    /// Labels and features of every customer of a store, read once with <see cref="HistoryReader"/> (in parallel on
    /// SQLite) with every event before <paramref name="dataEnd"/>.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="context">The evaluation context whose catalog this builder was made with (histories share its vocabulary).</param>
    /// <param name="cutoffs">The cutoffs (ms); duplicates count once.</param>
    /// <param name="dataEnd">The end of the data (ms); every cutoff's window must end by it.</param>
    /// <param name="options">How to read the store; the defaults when null.</param>
    public TrainingSet Build(IStore store, FeatureContext context, IReadOnlyList<long> cutoffs, long dataEnd, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        if (!ReferenceEquals(context.Catalog, _catalog))
        {
            throw new ArgumentException("the context must be the one whose catalog the builder uses (they share a vocabulary)", nameof(context));
        }

        var times = CheckCutoffs(cutoffs, dataEnd);
        // Gather evaluates each history at every cutoff at once and keeps only rows, so histories can be reused.
        options = (options ?? HistoryReadOptions.Default) with { ReuseHistory = true };
        var parts = HistoryReader.ReadPartitioned(store, context, dataEnd, histories => Gather(histories, times), options);
        return Assemble(times, parts);
    }

    private long[] CheckCutoffs(IReadOnlyList<long> cutoffs, long dataEnd)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var times = cutoffs.Distinct().Order().ToArray();
        if (times.Length > 0 && times[^1] > dataEnd - _labels.Definition.Window)
        {
            throw new ArgumentException(
                $"cutoff {Millis.ToInstant(times[^1]):O} + {_labels.Definition.WindowDays} days reaches past the data end {Millis.ToInstant(dataEnd):O}; " +
                "its labels would be incomplete / 予測期間がデータの終わりを超えるため、このカットオフではラベルを作れません",
                nameof(cutoffs));
        }

        return times;
    }

    /// <summary>The rows of some histories, one buffer per cutoff; safe to run on several threads at once.</summary>
    private CutoffRows[] Gather(IEnumerable<CustomerHistory> histories, long[] times)
    {
        var rows = times.Select(_ => new CutoffRows(_numeric.Length, _categorical.Length)).ToArray();
        var numbers = new double[_catalog.Count];
        var categories = new string?[_catalog.Count];
        foreach (var history in histories)
        {
            for (var c = 0; c < times.Length; c++)
            {
                if (_labels.Label(history, times[c]) is not { } label)
                {
                    continue;
                }

                Array.Fill(numbers, double.NaN);
                Array.Clear(categories);
                _catalog.Evaluate(history, times[c], numbers, categories);
                rows[c].Add(history.CustomerId, label, numbers, categories, _numeric, _categorical);
            }
        }

        return rows;
    }
}
