using System.Security.Cryptography;
using System.Text;
using Kizuki.Configuration;
using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.Modeling.Churn;

/// <summary>The whole training job: training set from the store, fit, evaluate, register as the next version and activate it.</summary>
internal static class ChurnModelling
{
    /// <summary>
    /// Builds the training set over the settings' cutoffs ending at <paramref name="dataEnd"/>; with the lifetime features
    /// (non-contractual churn, or as <c>lifetime.churnFeatures</c> says) the purchase model is fitted at every cutoff and
    /// at the data end, each on orders strictly before it, and the fits travel with the catalog into the stored model.
    /// </summary>
    public static TrainingSet BuildTrainingSet(IStore store, KizukiSettings settings, DateTimeOffset dataEnd)
    {
        var definition = settings.Labels.Churn.Resolve(store);
        var end = Millis.Of(dataEnd);
        var cutoffs = CutoffSchedule.Cutoffs(end, settings.Labels, definition, settings.Zone);
        var lifetime = settings.Lifetime.UsesChurnFeatures(definition.Kind == ChurnKind.NonContractual)
            ? Kizuki.Lifetime.LifetimeFeatureModels.Fit(store, [.. cutoffs, end], settings.Lifetime.ChurnFeatureModel, definition.WindowDays)
            : null;
        var context = new FeatureContext(settings.Features, lifetime);
        return new TrainingSetBuilder(context.Catalog, definition).Build(store, context, cutoffs, end);
    }

    /// <summary>Trains on a training set, stores the model (the refit on every cutoff, unless turned off) as the next version and makes it active.</summary>
    public static (ModelMetadata Metadata, ChurnTrainingOutcome Outcome) Train(TrainingSet set, ChurnTrainerOptions options, ModelRegistry registry,
        DateTimeOffset now)
    {
        var outcome = new ChurnTrainer(options).Train(set);
        var metadata = new ModelMetadata(
            0,
            now,
            [.. set.Definitions.Select(d => d.Name)],
            set.Definition.Kind == ChurnKind.Contractual ? "contractual" : "nonContractual",
            set.Definition.WindowDays,
            Millis.ToInstant(outcome.FirstTrainingCutoff),
            Millis.ToInstant(outcome.CalibrationCutoff),
            Millis.ToInstant(outcome.TestCutoff),
            outcome.TrainingRows,
            outcome.TrainingChurners,
            outcome.SmallData,
            outcome.Model.TreeWeight,
            outcome.TreeIterations,
            outcome.Choice.Lambda,
            outcome.Model.Calibration.Kind,
            Fingerprint(set),
            outcome.Test,
            [.. outcome.Baselines.Select(b => new NamedReport(b.Name, b.LabelJa, b.LabelEn, b.Report))],
            [.. outcome.Backtest.Select(f => new BacktestResult(Millis.ToInstant(f.Cutoff), f.Rows, f.Churners, f.RocAuc, f.AveragePrecision, f.BrierScore))])
        {
            Lifetime = set.Catalog.LifetimeModels,
            Refit = outcome.Production is { } p
                ? new RefitSummary(Millis.ToInstant(p.LastTrainingCutoff), p.Rows, p.Churners, p.TreeIterations, p.Model.Calibration.Kind,
                    [.. p.CalibrationCutoffs.Select(Millis.ToInstant)])
                : null,
        };
        var stored = registry.Save(outcome.StoredModel, metadata);
        registry.Activate(stored.Version);
        return (stored, outcome);
    }

    /// <summary>SHA-256 over the training set's rows (customer, cutoff, label) and feature names.</summary>
    public static string Fingerprint(TrainingSet set)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in set.Definitions)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(d.Name + "\n"));
        }

        Span<byte> buffer = stackalloc byte[9];
        for (var r = 0; r < set.RowCount; r++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(set.CustomerIds[r]));
            BitConverter.TryWriteBytes(buffer, set.Cutoffs[r]);
            buffer[8] = set.Labels[r];
            hash.AppendData(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
