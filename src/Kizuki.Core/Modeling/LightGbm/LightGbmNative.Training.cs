using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Training from a raw LightGBM parameter string, for checking the managed evaluator against every model shape.</summary>
/// <remarks>
/// <see cref="LightGbmEstimator"/> exposes only the options Kizuki uses; the managed evaluator must still match
/// LightGBM on shapes those options never produce (zero-as-missing, one-hot categorical splits, single-leaf trees,
/// linear trees, several classes), so the tests train those through this one entry.
/// </remarks>
internal static unsafe partial class LightGbmNative
{
    /// <summary>Trains <paramref name="rounds"/> rounds (fewer if LightGBM finds no split left) and returns the model text.</summary>
    /// <param name="x">Training rows; categorical columns are declared to LightGBM as such.</param>
    /// <param name="y">One label per row.</param>
    /// <param name="parameters">LightGBM parameters, <c>key=value</c> separated by spaces.</param>
    /// <param name="rounds">Maximum number of boosting rounds.</param>
    internal static string TrainModelText(DesignMatrix x, ReadOnlySpan<double> y, string parameters, int rounds)
    {
        var categorical = Enumerable.Range(0, x.ColumnCount).Where(c => x.Columns[c].IsCategorical).ToArray();
        if (categorical.Length > 0)
        {
            parameters += " categorical_feature=" + string.Join(',', categorical.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        }

        DatasetHandle dataset;
        fixed (double* data = x.Values)
        {
            Check(DatasetCreateFromMat(data, DataTypeFloat64, x.Rows, x.ColumnCount, 1, parameters, 0, out dataset), "LGBM_DatasetCreateFromMat");
        }

        using (dataset)
        {
            var labels = new float[y.Length];
            for (var i = 0; i < y.Length; i++)
            {
                labels[i] = (float)y[i];
            }

            fixed (float* label = labels)
            {
                Check(DatasetSetField(dataset, "label", label, labels.Length, DataTypeFloat32), "LGBM_DatasetSetField");
            }

            Check(BoosterCreate(dataset, parameters, out var booster), "LGBM_BoosterCreate");
            using (booster)
            {
                for (var round = 0; round < rounds; round++)
                {
                    Check(BoosterUpdateOneIter(booster, out var finished), "LGBM_BoosterUpdateOneIter");
                    if (finished != 0)
                    {
                        break;
                    }
                }

                Check(BoosterGetCurrentIteration(booster, out var built), "LGBM_BoosterGetCurrentIteration");
                return LightGbmEstimator.SaveToString(booster, built);
            }
        }
    }
}
