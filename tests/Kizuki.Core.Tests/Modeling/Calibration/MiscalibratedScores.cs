using Kizuki.Modeling.Linear;

namespace Kizuki.Tests.Modeling.Calibration;

/// <summary>Outcomes drawn from a true log-odds z, with a model that reports an overconfident raw score 3z + 1.</summary>
internal static class MiscalibratedScores
{
    public static (double[] Raw, double[] Y) Create(int rows, int seed)
    {
        var random = new Random(seed);
        var raw = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var z = (random.NextDouble() * 6) - 3;
            raw[i] = (3 * z) + 1;
            y[i] = random.NextDouble() < LogisticFunction.Sigmoid(z) ? 1 : 0;
        }

        return (raw, y);
    }

    public static double[] Uncalibrated(double[] raw) => raw.Select(LogisticFunction.Sigmoid).ToArray();
}
