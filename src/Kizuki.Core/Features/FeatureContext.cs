using Kizuki.Features.History;

namespace Kizuki.Features;

/// <summary>What one evaluation shares: settings, the vocabulary, the page classifier, the history builder and the catalog.</summary>
public sealed class FeatureContext
{
    /// <summary>Sets up an evaluation from the feature settings; invalid settings or metrics throw with a clear message.</summary>
    public FeatureContext(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        Vocabulary = new HistoryVocabulary();
        Classifier = settings.CreateClassifier();
        Builder = new HistoryBuilder(Vocabulary, Classifier);
        Catalog = FeatureCatalog.Create(this);
    }

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
