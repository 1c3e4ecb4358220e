using Kizuki.Modeling;
using Kizuki.Modeling.Linear;

namespace Kizuki.Tests.Modeling.Linear;

/// <summary>Seeded synthetic churn data with a known logistic truth.</summary>
internal static class SyntheticData
{
    public static readonly ModelColumn[] Columns =
    [
        new("Usage"),
        new("Spend"),
        new("Plan", ["Basic", "Standard", "Premium", "Legacy"]),
    ];

    /// <summary>True log-odds: −1 + 1.5·Usage − (0.5/3)·(Spend − 5) + [0, 0.8, −0.8] by plan code 0..2 (code 3 never occurs).</summary>
    public static (DesignMatrix X, double[] Y) Create(int rows, int seed, double missingShare = 0)
    {
        var random = new Random(seed);
        var values = new double[rows * 3];
        var y = new double[rows];
        double[] planEffect = [0, 0.8, -0.8];
        for (var r = 0; r < rows; r++)
        {
            var usage = Normal(random);
            var spend = 5 + (3 * Normal(random));
            var plan = random.Next(3);
            var z = -1 + (1.5 * usage) - (0.5 / 3 * (spend - 5)) + planEffect[plan];
            values[r * 3] = usage;
            values[(r * 3) + 1] = random.NextDouble() < missingShare ? double.NaN : spend;
            values[(r * 3) + 2] = plan;
            y[r] = random.NextDouble() < LogisticFunction.Sigmoid(z) ? 1 : 0;
        }

        return (new DesignMatrix(Columns, values), y);
    }

    public static double Normal(Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
