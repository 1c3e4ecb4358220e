namespace Kizuki.Lifetime;

public sealed partial record BgNbdModel
{
    /// <inheritdoc/>
    /// <remarks>
    /// A BG/NBD customer can drop out only right after a purchase, so one who makes none in the window is exactly one
    /// who is dead at T or alive and draws no Poisson event: 1 − P(alive) · (1 − ((α + T) / (α + T + H))^(r + x)), the
    /// purchase rate of a live customer being Gamma(r + x, α + T) given the history.
    /// </remarks>
    public double ProbabilityNoPurchase(double horizon, int frequency, double recency, double age)
    {
        if (horizon <= 0)
        {
            return 1;
        }

        if (A == 0)
        {
            return NoDropoutLimit.ProbabilityNoPurchase(R, Alpha, horizon, frequency, age);
        }

        var anyIfAlive = -double.ExpM1((R + frequency) * Math.Log((Alpha + age) / (Alpha + age + horizon)));
        return 1 - (ProbabilityAlive(frequency, recency, age) * anyIfAlive);
    }
}
