using Kizuki.Features.History;

namespace Kizuki.Features;

/// <summary>What one evaluation shares: settings, the vocabulary, the page classifier, the history builder and the catalog.</summary>
public sealed class FeatureContext
{
    /// <summary>Sets up an evaluation from the feature settings; invalid settings or metrics throw with a clear message.</summary>
    public FeatureContext(FeatureSettings settings)
        : this(settings, null)
    {
    }

    /// <summary>
    /// Sets up an evaluation whose catalog also holds the lifetime features (P(alive), expected purchases and P(no purchase)
    /// over the churn window) read from <paramref name="lifetime"/>; without it (null) the catalog is the usual one.
    /// </summary>
    public FeatureContext(FeatureSettings settings, Kizuki.Lifetime.LifetimeFeatureModels? lifetime)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        Lifetime = lifetime;
        Vocabulary = new HistoryVocabulary();
        Classifier = settings.CreateClassifier();
        Builder = new HistoryBuilder(Vocabulary, Classifier);
        Catalog = FeatureCatalog.Create(this);
    }

    /// <summary>The purchase-model fits of the lifetime features; null when the catalog has none.</summary>
    public Kizuki.Lifetime.LifetimeFeatureModels? Lifetime { get; }

    /// <summary>The settings.</summary>
    public FeatureSettings Settings { get; }

    /// <summary>Interned activity types and names.</summary>
    public HistoryVocabulary Vocabulary { get; }

    /// <summary>Page categories by path.</summary>
    public PageClassifier Classifier { get; }

    /// <summary>Record-to-event conversion.</summary>
    public HistoryBuilder Builder { get; }

    /// <summary>Every feature.</summary>
    public FeatureCatalog Catalog { get; }
}
