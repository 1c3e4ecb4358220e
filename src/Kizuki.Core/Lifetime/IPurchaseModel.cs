namespace Kizuki.Lifetime;

/// <summary>A fitted buy-till-you-die model: what it predicts for a customer with a given history.</summary>
public interface IPurchaseModel
{
    /// <summary>The time unit of its parameters, recency, age and horizons.</summary>
    TimePeriod Period { get; }

    /// <summary>The maximised log-likelihood on the calibration data.</summary>
    double LogLikelihood { get; }

    /// <summary>Whether the fit sits at a limit of the model (e.g. no dropout, where it is the NBD model).</summary>
    FitLimit Limit { get; }

    /// <summary>The note a fit at a limit carries for the user (Japanese / English); null for an interior fit.</summary>
    string? Note { get; }

    /// <summary>Probability that a customer with this history is still active at the calibration end.</summary>
    double ProbabilityAlive(int frequency, double recency, double age);

    /// <summary>Expected purchases in the next <paramref name="horizon"/> periods for a customer with this history.</summary>
    double ConditionalExpectedPurchases(double horizon, int frequency, double recency, double age);

    /// <summary>
    /// P(X(T, T + H) = 0 | x, t_x, T): the probability that a customer with this history makes no purchase in the next
    /// <paramref name="horizon"/> periods, whether because they have left or just do not buy. For a shop with only order
    /// history this is the churn score of "no purchase in the window", which P(alive) alone is not.
    /// </summary>
    double ProbabilityNoPurchase(double horizon, int frequency, double recency, double age);

    /// <summary>Expected repeat purchases of a randomly chosen new customer in <paramref name="horizon"/> periods after the first.</summary>
    double ExpectedPurchases(double horizon);
}
