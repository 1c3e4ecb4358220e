namespace Kizuki.Lifetime;

/// <summary>A fitted buy-till-you-die model: what it predicts for a customer with a given history.</summary>
public interface IPurchaseModel
{
    /// <summary>The time unit of its parameters, recency, age and horizons.</summary>
    TimePeriod Period { get; }

    /// <summary>The maximised log-likelihood on the calibration data.</summary>
    double LogLikelihood { get; }

    /// <summary>Probability that a customer with this history is still active at the calibration end.</summary>
    double ProbabilityAlive(int frequency, double recency, double age);

    /// <summary>Expected purchases in the next <paramref name="horizon"/> periods for a customer with this history.</summary>
    double ConditionalExpectedPurchases(double horizon, int frequency, double recency, double age);

    /// <summary>Expected repeat purchases of a randomly chosen new customer in <paramref name="horizon"/> periods after the first.</summary>
    double ExpectedPurchases(double horizon);
}
