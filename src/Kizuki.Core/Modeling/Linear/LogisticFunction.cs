namespace Kizuki.Modeling.Linear;

/// <summary>The logistic link and its log loss, computed without overflow.</summary>
internal static class LogisticFunction
{
    /// <summary>1 / (1 + e^-z), accurate for large |z|.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>The log-odds of a probability.</summary>
    public static double Logit(double p) => Math.Log(p / (1.0 - p));

    /// <summary>−log p(y | z) for a label y in {0, 1} and log-odds z: log(1 + e^z) − y·z.</summary>
    public static double LogLoss(double z, double y) => Math.Max(z, 0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z))) - (y * z);
}
