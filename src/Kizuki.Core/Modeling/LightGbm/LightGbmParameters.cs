using System.Globalization;
using System.Text;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Turns <see cref="LightGbmOptions"/> and a column schema into LightGBM's <c>key=value</c> parameter string.</summary>
internal static class LightGbmParameters
{
    /// <summary>The parameters for both the datasets and the booster of one fit.</summary>
    internal static string ForTraining(LightGbmOptions options, IReadOnlyList<ModelColumn> columns)
    {
        var text = new StringBuilder()
            .Append(options.ProbabilityLabels ? "objective=cross_entropy metric=cross_entropy" : "objective=binary metric=binary_logloss")
            .Append(CultureInfo.InvariantCulture, $" num_leaves={options.NumLeaves}")
            .Append(CultureInfo.InvariantCulture, $" learning_rate={options.LearningRate:R}")
            .Append(CultureInfo.InvariantCulture, $" min_data_in_leaf={options.MinDataInLeaf}")
            .Append(CultureInfo.InvariantCulture, $" max_bin={options.MaxBin}")
            .Append(CultureInfo.InvariantCulture, $" feature_fraction={options.FeatureFraction:R}")
            .Append(CultureInfo.InvariantCulture, $" bagging_fraction={options.BaggingFraction:R}")
            .Append(CultureInfo.InvariantCulture, $" bagging_freq={options.BaggingFreq}")
            .Append(CultureInfo.InvariantCulture, $" lambda_l2={options.LambdaL2:R}")
            .Append(CultureInfo.InvariantCulture, $" seed={options.Seed}")
            .Append(CultureInfo.InvariantCulture, $" num_threads={options.Threads}")
            .Append(CultureInfo.InvariantCulture, $" verbosity={options.Verbosity}");
        // Fits that share one binned dataset may differ in leaf settings; LightGBM must not drop columns at binning time for them.
        text.Append(" feature_pre_filter=false");
        if (options.Deterministic)
        {
            // LightGBM's documentation pairs deterministic with a forced histogram layout, otherwise it may pick one by timing.
            text.Append(" deterministic=true force_row_wise=true");
        }

        var categorical = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].IsCategorical)
            {
                categorical.Add(c.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (categorical.Count > 0)
        {
            text.Append(" categorical_feature=").AppendJoin(',', categorical);
        }

        return text.ToString();
    }
}
